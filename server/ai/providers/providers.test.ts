import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatProvider, decryptCredential, encryptCredential, ProviderError, streamWithBudget, type ChatProvider } from "./index";
import { startFakeAnthropic, startFakeOpenAI, type FakeServer } from "./fake-servers";

async function collect(provider: ChatProvider, timeoutMs = 5_000, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for await (const d of streamWithBudget(provider, { system: "rules", messages: [{ role: "user", content: "hello" }], maxOutputTokens: 100, signal }, timeoutMs)) out.push(d);
  return out;
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error("expected a failure");
}

describe("model providers against local fake servers", () => {
  let openai: FakeServer;
  let anthropic: FakeServer;
  beforeAll(async () => {
    openai = await startFakeOpenAI({ chunks: ["What ", "do you ", "see?"] });
    anthropic = await startFakeAnthropic({ chunks: ["What ", "stands ", "out?"] });
  });
  afterAll(async () => {
    await openai.close();
    await anthropic.close();
  });

  it("builtin settings need no remote provider", () => {
    expect(createChatProvider({ provider: "builtin", timeoutMs: 1000 })).toBeNull();
  });

  it("streams deltas from an OpenAI-compatible server, sending the system prompt and the key", async () => {
    openai.behave({ chunks: ["What ", "do you ", "see?"] });
    const p = createChatProvider({ provider: "openai", baseUrl: openai.url, apiKey: "sk-test", model: "tiny", timeoutMs: 5000 })!;
    expect(await collect(p)).toEqual(["What ", "do you ", "see?"]);
    const body = openai.requests.at(-1)!;
    expect(body.model).toBe("tiny");
    expect(body.stream).toBe(true);
    expect(JSON.stringify(body.messages)).toContain("rules");
  });

  it("streams deltas from the Anthropic Messages API", async () => {
    const p = createChatProvider({ provider: "anthropic", baseUrl: `${anthropic.url}/v1`, apiKey: "ak-test", model: "claude-test", timeoutMs: 5000 })!;
    expect((await collect(p)).join("")).toBe("What stands out?");
    expect(anthropic.requests.at(-1)!.system).toBeDefined();
  });

  it("turns HTTP errors into labelled failures", async () => {
    openai.behave({ chunks: [], status: 500 });
    anthropic.behave({ chunks: [], status: 529 });
    const o = createChatProvider({ provider: "openai", baseUrl: openai.url, model: "tiny", timeoutMs: 5000 })!;
    const a = createChatProvider({ provider: "anthropic", baseUrl: `${anthropic.url}/v1`, apiKey: "k", model: "m", timeoutMs: 5000 })!;
    expect((await failure(collect(o))).reason).toBe("http_500");
    expect((await failure(collect(a))).reason).toBe("http_529");
  });

  it("gives up on a hung model when the time budget is spent", async () => {
    openai.behave({ chunks: [], hang: true });
    const o = createChatProvider({ provider: "openai", baseUrl: openai.url, model: "tiny", timeoutMs: 300 })!;
    const started = Date.now();
    expect((await failure(collect(o, 300))).reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("stops mid-stream on a slow model and reports the timeout", async () => {
    anthropic.behave({ chunks: ["a ", "b ", "c ", "d "], delayMs: 150 });
    const a = createChatProvider({ provider: "anthropic", baseUrl: `${anthropic.url}/v1`, apiKey: "k", model: "m", timeoutMs: 250 })!;
    expect((await failure(collect(a, 250))).reason).toBe("timeout");
  });

  it("treats an empty answer and an unreachable server as failures", async () => {
    openai.behave({ chunks: [] });
    const o = createChatProvider({ provider: "openai", baseUrl: openai.url, model: "tiny", timeoutMs: 5000 })!;
    expect((await failure(collect(o))).reason).toBe("empty");
    const gone = createChatProvider({ provider: "openai", baseUrl: "http://127.0.0.1:9", model: "tiny", timeoutMs: 5000 })!;
    expect((await failure(collect(gone))).reason).toMatch(/error|http/);
  });

  it("encrypts stored keys with AES-256-GCM, bound to their organisation", () => {
    const sealed = encryptCredential("s".repeat(40), "sk-secret-value", "org-1");
    expect(sealed).not.toContain("sk-secret-value");
    expect(encryptCredential("s".repeat(40), "sk-secret-value", "org-1")).not.toBe(sealed);
    expect(decryptCredential("s".repeat(40), sealed, "org-1")).toBe("sk-secret-value");
    expect(decryptCredential("s".repeat(40), sealed, "org-2")).toBeNull();
    expect(decryptCredential("t".repeat(40), sealed, "org-1")).toBeNull();
    expect(decryptCredential("s".repeat(40), sealed.slice(0, -2) + "AA", "org-1")).toBeNull();
  });
});
