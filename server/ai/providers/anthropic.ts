import { createAnthropic } from "@ai-sdk/anthropic";
import { streamModel } from "./sdk-stream";
import type { ChatProvider, ChatRequest } from "./types";

export function anthropicProvider(opts: { baseUrl?: string; apiKey?: string; model: string }): ChatProvider {
  const client = createAnthropic({ apiKey: opts.apiKey ?? "", ...(opts.baseUrl ? { baseURL: opts.baseUrl.replace(/\/$/, "") } : {}) });
  const model = client(opts.model);
  return {
    name: "anthropic",
    model: opts.model,
    stream: (request: ChatRequest) => streamModel(model, request),
  };
}
