import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient } from "./api";
import { STORAGE_KEYS, type KeyValueStore } from "./storage";

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake server at the network boundary: records calls, answers with the handler's Response. */
function stubNetwork(handler: (call: Call) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      url: String(input),
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return handler(call);
  });
  return calls;
}

const user = { id: "6f1c9a52-0a51-4c1e-9b7e-2f3d4c5b6a79", email: "a@example.com", name: "Ada", createdAt: "2025-01-01T00:00:00Z" };

describe("api client", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it("does not call refresh for a visitor who never signed in", async () => {
    const calls = stubNetwork(() => json(200, { ok: true }));
    const client = createApiClient({ store: memoryStore() });
    await client.get("/api/decks");
    expect(calls.map((c) => c.url)).toEqual(["/api/decks"]);
    expect(calls[0].headers.Authorization).toBeUndefined();
  });

  it("restores the session from the refresh cookie when the signed-in flag is set", async () => {
    const calls = stubNetwork((c) => (c.url === "/api/auth/refresh" ? json(200, { accessToken: "t1" }) : json(200, { user, memberships: [] })));
    const client = createApiClient({ store: memoryStore({ [STORAGE_KEYS.signedIn]: "1" }) });
    await client.me();
    expect(calls.map((c) => c.url)).toEqual(["/api/auth/refresh", "/api/me"]);
    expect(calls[1].headers.Authorization).toBe("Bearer t1");
    expect(client.isSignedIn()).toBe(true);
  });

  it("refreshes once for concurrent 401s and retries every request with the new token", async () => {
    const client = createApiClient({ store: memoryStore() });
    stubNetwork(() => json(200, { user, accessToken: "stale" }));
    await client.login({ email: "a@example.com", password: "correct horse" });

    const calls = stubNetwork(async (c) => {
      if (c.url === "/api/auth/refresh") {
        // Slow enough that all three 401s arrive while the refresh is in flight.
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { accessToken: "fresh" });
      }
      if (c.headers.Authorization === "Bearer fresh") return json(200, { url: c.url });
      return json(401, { error: { code: "unauthenticated", message: "Token expired" } });
    });
    const results = await Promise.all(["/api/a", "/api/b", "/api/c"].map((p) => client.get<{ url: string }>(p)));
    expect(results.map((r) => r.url)).toEqual(["/api/a", "/api/b", "/api/c"]);
    expect(calls.filter((c) => c.url === "/api/auth/refresh")).toHaveLength(1);
    expect(calls.filter((c) => c.headers.Authorization === "Bearer stale")).toHaveLength(3);
  });

  it("signs out when the refresh fails, clearing the flag and telling subscribers", async () => {
    const store = memoryStore();
    const client = createApiClient({ store });
    stubNetwork(() => json(200, { user, accessToken: "old" }));
    await client.login({ email: "a@example.com", password: "correct horse" });
    expect(store.data.get(STORAGE_KEYS.signedIn)).toBe("1");
    const listener = vi.fn();
    client.subscribe(listener);
    stubNetwork((c) =>
      c.url === "/api/auth/refresh"
        ? json(401, { error: { code: "unauthenticated", message: "No session" } })
        : json(401, { error: { code: "unauthenticated", message: "Token expired" } }),
    );
    await expect(client.get("/api/me")).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
    expect(client.isSignedIn()).toBe(false);
    expect(store.data.has(STORAGE_KEYS.signedIn)).toBe(false);
    expect(listener).toHaveBeenCalled();
  });

  it("keeps the session when a 401 means a wrong current password", async () => {
    const client = createApiClient({ store: memoryStore() });
    stubNetwork(() => json(200, { user, accessToken: "tok" }));
    await client.login({ email: "a@example.com", password: "correct horse" });
    const calls = stubNetwork(() => json(401, { error: { code: "forbidden", message: "Your current password is not right" } }));
    const error = await client.patch("/api/me", { email: "b@example.com", currentPassword: "nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("Your current password is not right");
    expect(calls.some((c) => c.url === "/api/auth/refresh")).toBe(false);
    expect(client.isSignedIn()).toBe(true);
  });

  it("sends the active organisation as X-Org-Id, except where the call opts out", async () => {
    const calls = stubNetwork(() => json(200, {}));
    const store = memoryStore();
    const client = createApiClient({ store });
    client.setOrgId("0b5d8c8e-1f0a-4c47-9e83-5d0e0f7c2a11");
    await client.get("/api/orgs/current/members");
    await client.get("/api/me", { org: false });
    await client.get("/api/invitations/abc", { auth: false });
    expect(calls[0].headers["X-Org-Id"]).toBe("0b5d8c8e-1f0a-4c47-9e83-5d0e0f7c2a11");
    expect(calls[1].headers["X-Org-Id"]).toBeUndefined();
    expect(calls[2].headers["X-Org-Id"]).toBeUndefined();
    expect(store.data.get(STORAGE_KEYS.org)).toBe("0b5d8c8e-1f0a-4c47-9e83-5d0e0f7c2a11");
  });

  it("maps error answers to ApiError with code, message and field errors", async () => {
    stubNetwork(() =>
      json(400, { error: { code: "invalid", message: "Check the fields", details: { fieldErrors: { email: ["Enter a valid email address"], password: ["Use at least 10 characters"] } } } }),
    );
    const client = createApiClient({ store: memoryStore() });
    const error = (await client.post("/api/auth/register", {}, { auth: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("invalid");
    expect(error.status).toBe(400);
    expect(error.hasServerMessage).toBe(true);
    expect(error.fieldErrors).toEqual({ email: ["Enter a valid email address"], password: ["Use at least 10 characters"] });
  });

  it("derives a code from the status when the body is not the error shape", async () => {
    stubNetwork(() => new Response("<html>Bad gateway</html>", { status: 502, headers: { "Content-Type": "text/html" } }));
    const client = createApiClient({ store: memoryStore() });
    const error = (await client.get("/api/x", { auth: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("internal");
    expect(error.hasServerMessage).toBe(false);
  });

  it("reads Retry-After on rate limits", async () => {
    stubNetwork(() => json(429, { error: { code: "rate_limited", message: "" } }, { "Retry-After": "12" }));
    const client = createApiClient({ store: memoryStore() });
    const error = (await client.post("/api/auth/login", {}, { auth: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.hasServerMessage).toBe(false);
  });

  it("reports an unreachable server as a network error", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    const client = createApiClient({ store: memoryStore() });
    await expect(client.get("/api/x", { auth: false })).rejects.toMatchObject({ code: "network", status: 0 });
  });

  it("returns undefined for 204 and clears the session on logout", async () => {
    const store = memoryStore();
    const client = createApiClient({ store });
    stubNetwork(() => json(200, { user, accessToken: "tok" }));
    await client.login({ email: "a@example.com", password: "correct horse" });
    const calls = stubNetwork(() => new Response(null, { status: 204 }));
    await client.logout();
    expect(calls[0].url).toBe("/api/auth/logout");
    expect(client.isSignedIn()).toBe(false);
    expect(store.data.has(STORAGE_KEYS.signedIn)).toBe(false);
  });
});
