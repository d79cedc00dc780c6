/**
 * One interface for every language model the coach may use. Feature code sees only this:
 * no provider SDK is imported outside this folder.
 */
export type ProviderName = "builtin" | "openai" | "anthropic";

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

export interface ChatRequest {
  /** The method, the phase, the cards and the rules. Card and user text arrive as quoted data. */
  system: string;
  messages: ChatMessage[];
  maxOutputTokens: number;
  /** Aborted when the client stops listening or the time budget is spent. */
  signal?: AbortSignal;
}

export interface ChatProvider {
  readonly name: ProviderName;
  readonly model: string;
  /** Text deltas as the model produces them; throws on any failure (the caller falls back). */
  stream(request: ChatRequest): AsyncIterable<string>;
}

/** Where a provider's settings came from: the organisation's stored settings or the server's. */
export interface ProviderSettings {
  provider: ProviderName;
  baseUrl?: string;
  model?: string;
  apiKey?: string;
  timeoutMs: number;
}

/** A provider failure with a short reason label for metrics ("timeout", "http_500", "empty"...). */
export class ProviderError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
