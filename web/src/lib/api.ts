import type { AuthResult, LoginInput, MeResult, RegisterInput } from "../../../domain/api/auth";
import { STORAGE_KEYS, browserStore, type KeyValueStore } from "./storage";

/** A failed API call, carrying the contract's `{error:{code,message,details}}` fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** True when the server sent its own message (as opposed to one we made up). */
  readonly hasServerMessage: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    hasServerMessage: boolean;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.hasServerMessage = init.hasServerMessage;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Per-field messages from an `invalid` answer, keyed by field name. */
  get fieldErrors(): Record<string, string[]> {
    const d = this.details;
    if (!d || typeof d !== "object" || !("fieldErrors" in d)) return {};
    const raw = (d as { fieldErrors: unknown }).fieldErrors;
    if (!raw || typeof raw !== "object") return {};
    const out: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(raw)) {
      if (Array.isArray(messages)) out[field] = messages.filter((m): m is string => typeof m === "string");
    }
    return out;
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: "invalid",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "too_large",
  415: "unsupported_type",
  422: "unprocessable",
  429: "rate_limited",
  503: "unavailable",
};

async function errorFromResponse(res: Response): Promise<ApiError> {
  let code = CODE_BY_STATUS[res.status] ?? (res.status >= 500 ? "internal" : "unknown");
  let message = "";
  let details: unknown;
  try {
    const body: unknown = await res.json();
    if (body && typeof body === "object" && "error" in body) {
      const err = (body as { error: unknown }).error;
      if (err && typeof err === "object") {
        const e = err as { code?: unknown; message?: unknown; details?: unknown };
        if (typeof e.code === "string" && e.code) code = e.code;
        if (typeof e.message === "string") message = e.message;
        details = e.details;
      }
    }
  } catch {
    // Not JSON (a proxy page, an empty body): the status-derived code stands.
  }
  const retryHeader = res.headers.get("Retry-After");
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  return new ApiError({
    status: res.status,
    code,
    message: message || code,
    details,
    hasServerMessage: message.length > 0,
    retryAfterSeconds: retryAfter,
  });
}

export interface RequestOptions {
  body?: unknown;
  /** A body sent as it is (a recording, a file) instead of JSON, with its content type. */
  raw?: { body: Blob; type: string };
  /** Send the bearer token and retry once after a refresh on 401. Default true. */
  auth?: boolean;
  /** Send the active organisation as `X-Org-Id`. Default true for authenticated calls. */
  org?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  baseUrl?: string;
  store?: KeyValueStore;
}

export type SessionListener = () => void;

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? "";
  const store = options.store ?? browserStore();
  let accessToken: string | null = null;
  let orgId: string | null = store.getItem(STORAGE_KEYS.org);
  let refreshing: Promise<string | null> | null = null;
  const listeners = new Set<SessionListener>();

  const notify = () => listeners.forEach((l) => l());

  function setSignedIn(token: string): void {
    accessToken = token;
    store.setItem(STORAGE_KEYS.signedIn, "1");
    notify();
  }

  function forgetSession(): void {
    const changed = accessToken !== null || store.getItem(STORAGE_KEYS.signedIn) !== null;
    accessToken = null;
    store.removeItem(STORAGE_KEYS.signedIn);
    if (changed) notify();
  }

  // The network is looked up at call time so tests can stub `fetch` globally.
  const send = (path: string, init: RequestInit) => globalThis.fetch(baseUrl + path, { credentials: "same-origin", ...init });

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one
   * request, because the server rotates the cookie and a second parallel call would fail.
   */
  function refresh(): Promise<string | null> {
    refreshing ??= (async () => {
      try {
        const res = await send("/api/auth/refresh", { method: "POST", headers: { Accept: "application/json" } });
        if (!res.ok) {
          forgetSession();
          return null;
        }
        const body = (await res.json()) as { accessToken: string };
        setSignedIn(body.accessToken);
        return body.accessToken;
      } catch {
        // Offline: keep the flag so a later attempt can still restore the session.
        return null;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const auth = opts.auth ?? true;
    const useOrg = opts.org ?? auth;

    const attempt = async (token: string | null): Promise<Response> => {
      const headers: Record<string, string> = { Accept: "application/json" };
      if (opts.raw) headers["Content-Type"] = opts.raw.type;
      else if (opts.body !== undefined) headers["Content-Type"] = "application/json";
      if (auth && token) headers.Authorization = `Bearer ${token}`;
      if (useOrg && orgId) headers["X-Org-Id"] = orgId;
      try {
        return await send(path, {
          method,
          headers,
          body: opts.raw ? opts.raw.body : opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: opts.signal,
        });
      } catch (cause) {
        if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
        throw new ApiError({ status: 0, code: "network", message: "network", hasServerMessage: false });
      }
    };

    let token = accessToken;
    // After a reload the token is gone but the cookie may not be: restore before the first call.
    if (auth && !token && store.getItem(STORAGE_KEYS.signedIn)) token = await refresh();

    let res = await attempt(token);
    if (!res.ok) {
      let error = await errorFromResponse(res);
      // Only an expired or missing session is worth a refresh; a 401 for a wrong current
      // password (code `forbidden`) must reach the form instead of signing the user out.
      if (error.status === 401 && error.code === "unauthenticated" && auth && token) {
        const fresh = await refresh();
        if (!fresh) throw error;
        res = await attempt(fresh);
        if (!res.ok) error = await errorFromResponse(res);
      }
      if (!res.ok) throw error;
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    get: <T>(path: string, opts?: Omit<RequestOptions, "body">) => request<T>("GET", path, opts),
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("POST", path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("PATCH", path, { ...opts, body }),
    del: <T = void>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("DELETE", path, { ...opts, body }),

    refresh,
    isSignedIn: () => accessToken !== null,
    /** Whether a previous visit signed in (the refresh cookie may still be valid). */
    mayHaveSession: () => store.getItem(STORAGE_KEYS.signedIn) === "1",
    getOrgId: () => orgId,
    setOrgId(id: string | null): void {
      if (id === orgId) return;
      orgId = id;
      if (id) store.setItem(STORAGE_KEYS.org, id);
      else store.removeItem(STORAGE_KEYS.org);
      notify();
    },
    subscribe(listener: SessionListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async register(input: RegisterInput): Promise<AuthResult> {
      const result = await request<AuthResult>("POST", "/api/auth/register", { body: input, auth: false });
      setSignedIn(result.accessToken);
      return result;
    },
    async login(input: LoginInput): Promise<AuthResult> {
      const result = await request<AuthResult>("POST", "/api/auth/login", { body: input, auth: false });
      setSignedIn(result.accessToken);
      return result;
    },
    async logout(): Promise<void> {
      try {
        await request<void>("POST", "/api/auth/logout", { auth: false });
      } catch {
        // Signing out locally must work even when the server cannot be reached.
      } finally {
        forgetSession();
      }
    },
    /** Forget the session after the server already ended it (e.g. the account was deleted). */
    forgetSession,
    me: () => request<MeResult>("GET", "/api/me", { org: false }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's single client; its token lives only in memory. */
export const api = createApiClient();
