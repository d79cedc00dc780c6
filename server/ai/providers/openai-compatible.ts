import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamModel } from "./sdk-stream";
import type { ChatProvider, ChatRequest } from "./types";

const OPENAI_URL = "https://api.openai.com/v1";

/** Any server speaking chat completions: OpenAI, Ollama, llama.cpp server, vLLM. */
export function openAICompatibleProvider(opts: { baseUrl?: string; apiKey?: string; model: string }): ChatProvider {
  const client = createOpenAICompatible({
    name: "openai-compatible",
    baseURL: (opts.baseUrl ?? OPENAI_URL).replace(/\/$/, ""),
    apiKey: opts.apiKey,
  });
  const model = client.chatModel(opts.model);
  return {
    name: "openai",
    model: opts.model,
    stream: (request: ChatRequest) => streamModel(model, request),
  };
}
