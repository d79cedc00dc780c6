/**
 * The few Zoom REST calls the studio makes, for Server-to-Server OAuth apps:
 * - POST {oauthUrl}?grant_type=account_credentials&account_id=… with HTTP Basic client id:secret
 *   → {access_token, token_type: "bearer", expires_in, scope}
 * - POST {apiUrl}/users/me/meetings with the bearer token → 201 meeting
 * - GET {apiUrl}/users/me/token?type=zak with the bearer token → {token}: the host's ZAK, which
 *   the Meeting SDK needs to start a meeting as its host
 * Tokens are kept until shortly before they expire. Failures become a ZoomFailure the routes
 * turn into a client error; a Zoom outage never becomes a 5xx of the studio.
 */

export interface ZoomCredentials {
  accountId: string;
  clientId: string;
  clientSecret: string;
}

export interface ZoomEndpoints {
  apiUrl: string;
  oauthUrl: string;
  timeoutMs: number;
}

export type ZoomFailureKind = "rejected" | "rate_limited" | "unavailable";

export class ZoomFailure extends Error {
  constructor(
    readonly kind: ZoomFailureKind,
    message: string,
    readonly status: number | null,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ZoomFailure";
  }
}

/** Zoom's create-meeting answer, the fields the studio keeps. */
export interface ZoomCreatedMeeting {
  id: number | string;
  uuid?: string;
  join_url: string;
  start_url: string;
  password?: string;
  agenda?: string;
  topic?: string;
}

export interface CreateMeetingRequest {
  topic: string;
  agenda: string;
  startTime?: string;
  durationMinutes?: number;
}

/** Refresh a token this long before Zoom says it expires, so a call never races the expiry. */
const EXPIRY_MARGIN_MS = 60_000;

interface CachedToken {
  token: string;
  expiresAt: number;
}

function retryAfterOf(res: Response): number | undefined {
  const h = res.headers.get("retry-after");
  if (!h) return undefined;
  const n = Number(h);
  if (Number.isFinite(n)) return Math.max(1, Math.ceil(n));
  const date = Date.parse(h);
  return Number.isFinite(date) ? Math.max(1, Math.ceil((date - Date.now()) / 1000)) : undefined;
}

async function zoomMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown; reason?: unknown; error?: unknown };
    const m = body.message ?? body.reason ?? body.error;
    return typeof m === "string" ? m.slice(0, 300) : "";
  } catch {
    return "";
  }
}

async function failureOf(res: Response, during: string): Promise<ZoomFailure> {
  const detail = await zoomMessage(res);
  const suffix = detail ? ` Zoom said: ${detail}` : "";
  if (res.status === 429) return new ZoomFailure("rate_limited", `Zoom asked the studio to slow down while ${during}.${suffix}`, 429, retryAfterOf(res) ?? 10);
  if (res.status >= 500) return new ZoomFailure("unavailable", `Zoom had a problem while ${during} (status ${res.status}).`, res.status);
  if (res.status === 400 || res.status === 401 || res.status === 403)
    return new ZoomFailure("rejected", `Zoom did not accept the organisation's Zoom credentials while ${during}.${suffix}`, res.status);
  return new ZoomFailure("rejected", `Zoom refused while ${during} (status ${res.status}).${suffix}`, res.status);
}

export class ZoomClient {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<string>>();
  /** How many tokens were requested from Zoom: what the cache saves is visible in tests and logs. */
  tokenRequests = 0;

  constructor(private readonly endpoints: ZoomEndpoints) {}

  private cacheKey(c: ZoomCredentials) {
    return `${c.accountId}\u0000${c.clientId}\u0000${c.clientSecret}`;
  }

  /** Forget a cached token (credentials changed, or Zoom said it is no longer valid). */
  forget(c: ZoomCredentials) {
    this.tokens.delete(this.cacheKey(c));
  }

  private async call(url: string, init: RequestInit, during: string): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.endpoints.timeoutMs) });
    } catch (err) {
      const name = (err as Error).name;
      if (name === "TimeoutError" || name === "AbortError") return Promise.reject(new ZoomFailure("unavailable", `Zoom did not answer within ${this.endpoints.timeoutMs} ms while ${during}.`, null));
      return Promise.reject(new ZoomFailure("unavailable", `Zoom could not be reached while ${during}.`, null));
    }
  }

  /** A valid access token, from the cache when one is still good; concurrent callers share one request. */
  async accessToken(c: ZoomCredentials): Promise<string> {
    const key = this.cacheKey(c);
    const hit = this.tokens.get(key);
    if (hit && hit.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return hit.token;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const request = this.fetchToken(c).finally(() => this.inflight.delete(key));
    this.inflight.set(key, request);
    return request;
  }

  private async fetchToken(c: ZoomCredentials): Promise<string> {
    this.tokenRequests += 1;
    const url = new URL(this.endpoints.oauthUrl);
    url.searchParams.set("grant_type", "account_credentials");
    url.searchParams.set("account_id", c.accountId);
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64");
    const res = await this.call(url.toString(), { method: "POST", headers: { authorization: `Basic ${basic}`, accept: "application/json" } }, "signing in to Zoom");
    if (!res.ok) throw await failureOf(res, "signing in to Zoom");
    const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!body || typeof body.access_token !== "string") throw new ZoomFailure("unavailable", "Zoom answered the sign-in without a token.", res.status);
    const seconds = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600;
    this.tokens.set(this.cacheKey(c), { token: body.access_token, expiresAt: Date.now() + seconds * 1000 });
    return body.access_token;
  }

  /**
   * A request to Zoom's API with the organisation's token; a token Zoom revoked early (401) is
   * replaced once and the request sent again.
   */
  private async authorized(c: ZoomCredentials, url: string, init: RequestInit, during: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(c);
      const res = await this.call(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}`, accept: "application/json" } }, during);
      if (res.status === 401 && attempt === 0) {
        this.forget(c);
        continue;
      }
      return res;
    }
  }

  async createMeeting(c: ZoomCredentials, req: CreateMeetingRequest): Promise<ZoomCreatedMeeting> {
    const during = "creating the meeting";
    const body = JSON.stringify({
      topic: req.topic.slice(0, 200),
      // 2: a scheduled meeting (it keeps its links until it is used); 1 would be instant.
      type: 2,
      ...(req.startTime ? { start_time: req.startTime } : {}),
      duration: req.durationMinutes ?? 60,
      agenda: req.agenda.slice(0, 2000),
      settings: { join_before_host: false, waiting_room: true },
    });
    const res = await this.authorized(c, `${this.endpoints.apiUrl}/users/me/meetings`, { method: "POST", headers: { "content-type": "application/json" }, body }, during);
    if (!res.ok) throw await failureOf(res, during);
    const meeting = (await res.json().catch(() => null)) as ZoomCreatedMeeting | null;
    if (!meeting || (typeof meeting.id !== "number" && typeof meeting.id !== "string") || typeof meeting.join_url !== "string" || typeof meeting.start_url !== "string") {
      throw new ZoomFailure("unavailable", "Zoom answered without the meeting's links.", res.status);
    }
    return meeting;
  }

  /**
   * The ZAK (Zoom Access Key) of a user of the account: what the Meeting SDK needs to start a
   * meeting as its host. `me` is the account's user the app creates meetings under
   * (`POST /users/me/meetings`), so it is the host of every meeting the studio created.
   * Zoom's failures keep Zoom's own words, since the usual one is a missing scope.
   */
  async hostZak(c: ZoomCredentials, userId = "me"): Promise<string> {
    const during = "getting the host's token";
    const url = new URL(`${this.endpoints.apiUrl}/users/${encodeURIComponent(userId)}/token`);
    url.searchParams.set("type", "zak");
    const res = await this.authorized(c, url.toString(), { method: "GET" }, during);
    if (!res.ok) {
      if (res.status === 429 || res.status >= 500) throw await failureOf(res, during);
      const detail = await zoomMessage(res);
      throw new ZoomFailure("rejected", detail ? `Zoom said: ${detail}` : `Zoom refused (status ${res.status}).`, res.status);
    }
    const body = (await res.json().catch(() => null)) as { token?: unknown } | null;
    if (!body || typeof body.token !== "string" || body.token.length === 0) throw new ZoomFailure("unavailable", "Zoom answered without a token.", res.status);
    return body.token;
  }
}
