import { anthropicProvider } from "./anthropic";
import { openAICompatibleProvider } from "./openai-compatible";
import { failureReason } from "./sdk-stream";
import { ProviderError, type ChatProvider, type ChatRequest, type ProviderSettings } from "./types";

export { BUILTIN_MODEL, chunkReply } from "./builtin";
export { decryptCredential, encryptCredential } from "./credentials";
export { failureReason } from "./sdk-stream";
export { ProviderError, type ChatMessage, type ChatProvider, type ChatRequest, type ProviderName, type ProviderSettings } from "./types";

/** The remote model for these settings, or null when the builtin coach is to answer. */
export function createChatProvider(settings: ProviderSettings): ChatProvider | null {
  if (settings.provider === "builtin" || !settings.model) return null;
  if (settings.provider === "openai") return openAICompatibleProvider({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, model: settings.model });
  return anthropicProvider({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, model: settings.model });
}

/**
 * Streams with a time budget: the call is aborted when `timeoutMs` passes or the caller's
 * signal fires, whichever is first. Failures carry a reason label for the metrics.
 */
export async function* streamWithBudget(provider: ChatProvider, request: ChatRequest, timeoutMs: number): AsyncIterable<string> {
  const budget = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, budget]) : budget;
  try {
    for await (const delta of provider.stream({ ...request, signal })) {
      if (signal.aborted) break;
      yield delta;
    }
    if (budget.aborted) throw new ProviderError("timeout", `The model did not finish within ${timeoutMs} ms.`);
  } catch (err) {
    if (err instanceof ProviderError) throw err;
    const reason = budget.aborted ? "timeout" : failureReason(err, signal);
    throw new ProviderError(reason, err instanceof Error ? err.message : String(err));
  }
}
