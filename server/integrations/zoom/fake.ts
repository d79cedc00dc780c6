import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { zoomSignature } from "./webhook";

/**
 * A local stand-in for the Zoom endpoints the studio uses, following Zoom's published API
 * reference: the Server-to-Server OAuth token endpoint (`POST /oauth/token`), create a meeting
 * (`POST /v2/users/me/meetings`, answered with Zoom's meeting object), get a user's token
 * (`GET /v2/users/{userId}/token?type=zak|token`, answered `{"token": "…"}`) and webhook signing. Tests
 * and browser tests point ZOOM_OAUTH_URL and ZOOM_API_URL at it. It listens on loopback only.
 */

export interface FakeZoomAccount {
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** The app's scopes; by default what the studio asks admins to add (DEFAULT_SCOPES). */
  scopes?: string[];
}

/** The scopes the studio documents: create and read meetings, and the host's ZAK. */
export const DEFAULT_SCOPES = ["meeting:write:meeting:admin", "meeting:read:meeting:admin", "user:read:token:admin"];
const ZAK_SCOPES = ["user:read:token:admin", "user:read:admin"];

type Failure = { status: number; body?: unknown; headers?: Record<string, string> } | "timeout";

export interface FakeZoomRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface FakeZak {
  accountId: string;
  /** The user the ZAK belongs to: the account's host (`me` resolves to it). */
  userId: string;
  token: string;
}

type FakeEndpoint = "token" | "meetings" | "zak";

/** The account's user the app acts as: `me`, and the host of the meetings it creates. */
export const fakeHostOf = (accountId: string) => `host_${accountId}`;

export interface FakeZoom {
  url: string;
  oauthUrl: string;
  apiUrl: string;
  /** Every request received, oldest first. */
  requests: FakeZoomRequest[];
  meetings: Record<string, unknown>[];
  /** Every ZAK handed out: to which account, for which user. */
  zaks: FakeZak[];
  addAccount(account: FakeZoomAccount): void;
  /** The next request to this endpoint answers with this failure (or hangs, for "timeout"). */
  failNext(endpoint: FakeEndpoint, failure: Failure): void;
  /** Tokens issued from now on expire after this many seconds (Zoom's default is 3599). */
  setTokenLifetime(seconds: number): void;
  close(): Promise<void>;
}

/** The account the fake process for browser tests knows (fake-main.ts). */
export const E2E_ZOOM_ACCOUNT: FakeZoomAccount = { accountId: "e2e-account-id", clientId: "e2e-client-id", clientSecret: "e2e-client-secret-0123456789" };
/** A second one whose app was set up without the ZAK scope: Zoom refuses it the host's token. */
export const E2E_ZOOM_ACCOUNT_NO_ZAK: FakeZoomAccount = {
  accountId: "e2e-account-no-zak",
  clientId: "e2e-client-no-zak",
  clientSecret: "e2e-client-secret-no-zak-0123456789",
  scopes: ["meeting:write:meeting:admin", "meeting:read:meeting:admin"],
};

export function newFakeAccount(): FakeZoomAccount {
  return { accountId: randomBytes(11).toString("base64url"), clientId: randomBytes(11).toString("base64url"), clientSecret: randomBytes(24).toString("base64url") };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json;charset=UTF-8", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeZoom(port = 0): Promise<FakeZoom> {
  const accounts = new Map<string, FakeZoomAccount>();
  const tokens = new Map<string, { accountId: string; scopes: string[]; expiresAt: number }>();
  const failures: Record<FakeEndpoint, Failure[]> = { token: [], meetings: [], zak: [] };
  const requests: FakeZoomRequest[] = [];
  const meetings: Record<string, unknown>[] = [];
  const zaks: FakeZak[] = [];
  const hanging = new Set<ServerResponse>();
  let tokenLifetime = 3599;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const raw = await readBody(req);
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      requests.push({ method: req.method ?? "", path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body });
      const userToken = /^\/v2\/users\/([^/]+)\/token$/.exec(url.pathname);
      const endpoint: FakeEndpoint | null = url.pathname === "/oauth/token" ? "token" : url.pathname === "/v2/users/me/meetings" ? "meetings" : userToken ? "zak" : null;
      if (endpoint) {
        const failure = failures[endpoint].shift();
        if (failure === "timeout") {
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return;
        }
        if (failure) return send(res, failure.status, failure.body ?? { code: failure.status, message: "Injected failure" }, failure.headers);
      }

      if (req.method === "POST" && endpoint === "token") {
        if (url.searchParams.get("grant_type") !== "account_credentials") return send(res, 400, { reason: "Unsupported grant type", error: "unsupported_grant_type" });
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const [clientId, clientSecret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [];
        const account = clientId ? accounts.get(clientId) : undefined;
        if (!account || account.clientSecret !== clientSecret) return send(res, 401, { reason: "Invalid client_id or client_secret", error: "invalid_client" });
        if (url.searchParams.get("account_id") !== account.accountId) return send(res, 400, { reason: "Invalid request : Bad Request", error: "invalid_request" });
        const token = `fake.${randomBytes(24).toString("base64url")}`;
        const scopes = account.scopes ?? DEFAULT_SCOPES;
        tokens.set(token, { accountId: account.accountId, scopes, expiresAt: Date.now() + tokenLifetime * 1000 });
        return send(res, 200, {
          access_token: token,
          token_type: "bearer",
          expires_in: tokenLifetime,
          scope: scopes.join(" "),
          api_url: "https://api.zoom.us",
        });
      }

      if (url.pathname.startsWith("/v2/")) {
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const t = bearer ? tokens.get(bearer) : undefined;
        if (!t || t.expiresAt < Date.now()) return send(res, 401, { code: 124, message: "Invalid access token." });
        if (req.method === "POST" && endpoint === "meetings") {
          const input = (body ?? {}) as { topic?: string; type?: number; start_time?: string; duration?: number; timezone?: string; agenda?: string; settings?: Record<string, unknown> };
          if (typeof input.agenda === "string" && input.agenda.length > 2000) return send(res, 300, { code: 300, message: "Agenda is too long." });
          const id = randomInt(10_000_000_000, 99_999_999_999);
          const password = randomBytes(4).toString("hex").slice(0, 6);
          const hostId = fakeHostOf(t.accountId);
          const meeting = {
            uuid: `${randomBytes(16).toString("base64")}`,
            id,
            host_id: hostId,
            host_email: "host@example.test",
            topic: input.topic ?? "Zoom Meeting",
            type: input.type ?? 2,
            status: "waiting",
            start_time: input.start_time ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
            duration: input.duration ?? 60,
            timezone: input.timezone ?? "UTC",
            agenda: input.agenda ?? "",
            created_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
            start_url: `https://us02web.zoom.us/s/${id}?zak=${randomBytes(32).toString("base64url")}`,
            join_url: `https://us02web.zoom.us/j/${id}?pwd=${randomBytes(16).toString("base64url")}`,
            password,
            h323_password: password,
            pstn_password: password,
            encrypted_password: randomBytes(16).toString("base64url"),
            settings: { host_video: false, participant_video: false, join_before_host: false, mute_upon_entry: false, waiting_room: true, ...input.settings },
            pre_schedule: false,
            account_id: t.accountId,
            request_id: randomUUID(),
          };
          meetings.push(meeting);
          return send(res, 201, meeting);
        }
        if (req.method === "GET" && endpoint === "zak" && userToken) {
          // Only the account's own user: `me`, its user ID or its email.
          const host = fakeHostOf(t.accountId);
          const userId = decodeURIComponent(userToken[1]);
          if (userId !== "me" && userId !== host && userId !== "host@example.test") return send(res, 404, { code: 1001, message: `User does not exist: ${userId}.` });
          const type = url.searchParams.get("type") ?? "token";
          if (type !== "zak" && type !== "token") return send(res, 400, { code: 300, message: "Invalid field: type." });
          if (!ZAK_SCOPES.some((x) => t.scopes.includes(x))) return send(res, 400, { code: 4711, message: "Invalid access token, does not contain scopes:[user:read:token:admin]." });
          const now = Math.floor(Date.now() / 1000);
          const ttl = Number(url.searchParams.get("ttl") ?? 7200);
          // A ZAK looks like Zoom's: a signed token naming the user and the account.
          const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
          const token = `${part({ typ: "JWT", alg: "HS256" })}.${part({ aud: "clientsm", uid: host, aid: t.accountId, iss: "web", sty: type === "zak" ? 100 : 1, iat: now, exp: now + ttl })}.${randomBytes(32).toString("base64url")}`;
          if (type === "zak") zaks.push({ accountId: t.accountId, userId: host, token });
          return send(res, 200, { token });
        }
      }
      return send(res, 404, { code: 404, message: "Not found in the fake." });
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    oauthUrl: `${url}/oauth/token`,
    apiUrl: `${url}/v2`,
    requests,
    meetings,
    zaks,
    addAccount: (a) => void accounts.set(a.clientId, a),
    failNext: (endpoint, failure) => void failures[endpoint].push(failure),
    setTokenLifetime: (s) => void (tokenLifetime = s),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A webhook delivery as Zoom signs it: the exact body and its `x-zm-*` headers. */
export function signedDelivery(webhookSecretToken: string, body: unknown, timestampSeconds = Math.floor(Date.now() / 1000)) {
  const raw = JSON.stringify(body);
  const timestamp = String(timestampSeconds);
  return {
    raw,
    headers: { "content-type": "application/json; charset=utf-8", "x-zm-request-timestamp": timestamp, "x-zm-signature": zoomSignature(webhookSecretToken, timestamp, raw) },
  };
}

/** Zoom's event envelopes for the four meeting events the studio records. */
export function meetingEvent(
  event: "meeting.started" | "meeting.ended" | "meeting.participant_joined" | "meeting.participant_left",
  accountId: string,
  meetingId: string | number,
  participant?: { name: string; at?: string },
) {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const object: Record<string, unknown> = { id: String(meetingId), uuid: "4444AAAiAAAAAiAiAiiAii==", host_id: "x1yCzABCDEfg23HiJKl4mN", topic: "Session", type: 2, start_time: now, timezone: "UTC", duration: 60 };
  if (event === "meeting.ended") object.end_time = now;
  if (participant) {
    object.participant = {
      user_id: "16778240",
      user_name: participant.name,
      id: "iFxeBPYun6SAiWUzBcEkX",
      participant_uuid: `uuid-${participant.name}`,
      email: "",
      ...(event === "meeting.participant_joined" ? { join_time: participant.at ?? now } : { leave_time: participant.at ?? now, leave_reason: "left the meeting" }),
    };
  }
  return { event, event_ts: Date.now(), payload: { account_id: accountId, object } };
}
