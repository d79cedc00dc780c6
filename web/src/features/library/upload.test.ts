import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, api } from "../../lib/api";
import { uploadForm } from "./upload";

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A stand-in for XMLHttpRequest that answers from a queue and reports upload progress. */
function stubXhr(answers: Array<{ status: number; body: unknown }>): Sent[] {
  const sent: Sent[] = [];
  class FakeXhr {
    status = 0;
    responseText = "";
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private request: Sent = { method: "", url: "", headers: {} };
    open(method: string, url: string) {
      this.request = { method, url, headers: {} };
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers[name] = value;
    }
    getResponseHeader() {
      return null;
    }
    abort() {
      this.onabort?.();
    }
    send() {
      sent.push(this.request);
      const answer = answers.shift() ?? { status: 500, body: {} };
      queueMicrotask(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      });
    }
  }
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  return sent;
}

let tokens = 0;
beforeEach(() => {
  tokens = 0;
  // The helper obtains its token through the shared client's refresh.
  vi.stubGlobal("fetch", async () => {
    tokens += 1;
    return new Response(JSON.stringify({ accessToken: `token-${tokens}` }), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  api.setOrgId("5a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
});
afterEach(async () => {
  vi.unstubAllGlobals();
  api.forgetSession();
  api.setOrgId(null);
  await Promise.resolve();
});

describe("uploadForm", () => {
  it("sends the bearer token and organisation, and reports progress", async () => {
    const sent = stubXhr([{ status: 201, body: { id: "c1" } }]);
    const progress: number[] = [];
    const result = await uploadForm<{ id: string }>("/api/decks/d/cards", new FormData(), { onProgress: (p) => progress.push(p.loaded / p.total) });
    expect(result).toEqual({ id: "c1" });
    expect(sent[0]).toMatchObject({ method: "POST", url: "/api/decks/d/cards" });
    expect(sent[0].headers.Authorization).toBe("Bearer token-1");
    expect(sent[0].headers["X-Org-Id"]).toBe("5a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    expect(progress).toEqual([0.5, 1]);
  });

  it("refreshes once and retries when the token has expired", async () => {
    const sent = stubXhr([
      { status: 201, body: { id: "first" } },
      { status: 401, body: { error: { code: "unauthenticated", message: "expired" } } },
      { status: 201, body: { id: "second" } },
    ]);
    await uploadForm("/api/x", new FormData());
    await expect(uploadForm<{ id: string }>("/api/x", new FormData())).resolves.toEqual({ id: "second" });
    expect(sent.map((s) => s.headers.Authorization)).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it("rejects with the server's code and message, e.g. a file that is too large", async () => {
    stubXhr([{ status: 413, body: { error: { code: "too_large", message: "The image is larger than 10 MB." } } }]);
    const error = await uploadForm("/api/x", new FormData(), { method: "PUT" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, code: "too_large", message: "The image is larger than 10 MB.", hasServerMessage: true });
  });
});
