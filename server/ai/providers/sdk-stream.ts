import { streamText, type LanguageModel } from "ai";
import { ProviderError, type ChatRequest } from "./types";

// Unsupported-setting notices (e.g. temperature on some models) would go to stdout on every turn.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** Labels a failure for the `ai_provider_failures_total{reason}` counter without leaking details. */
export function failureReason(err: unknown, signal?: AbortSignal): string {
  if (err instanceof ProviderError) return err.reason;
  if (signal?.aborted) return signal.reason instanceof DOMException && signal.reason.name === "TimeoutError" ? "timeout" : "aborted";
  const status = (err as { statusCode?: unknown })?.statusCode;
  if (typeof status === "number") return `http_${status}`;
  const name = (err as { name?: unknown })?.name;
  if (name === "AbortError" || name === "TimeoutError") return "timeout";
  return "error";
}

/**
 * Streams text deltas from an SDK model. The SDK reports stream errors as parts rather than
 * throwing, so they are turned back into exceptions here: the caller's fallback needs them.
 */
export async function* streamModel(model: LanguageModel, request: ChatRequest): AsyncIterable<string> {
  const result = streamText({
    model,
    system: request.system,
    messages: request.messages,
    maxOutputTokens: request.maxOutputTokens,
    temperature: 0.4,
    // Retries would blow the time budget; the builtin coach is the retry.
    maxRetries: 0,
    abortSignal: request.signal,
    onError: () => undefined,
  });
  let produced = false;
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") {
      if (part.text) {
        produced = true;
        yield part.text;
      }
    } else if (part.type === "error") {
      throw part.error instanceof Error ? part.error : new ProviderError("error", String(part.error));
    } else if (part.type === "abort") {
      throw new ProviderError(failureReason(null, request.signal), "The model call was stopped.");
    }
  }
  if (!produced) throw new ProviderError("empty", "The model answered with no text.");
}
