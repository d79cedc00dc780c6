import type { ConnectZoomInput, SessionZoom, ZoomAvailability, ZoomConnection, ZoomMeeting, ZoomSdkSignature } from "../../../../domain/api/integrations";
import { ApiError, api } from "../../lib/api";

// Types only come from the domain: importing its values would pull zod into the bundle.
export type { ConnectZoomInput, SessionZoom, ZoomAvailability, ZoomConnection, ZoomMeeting, ZoomSdkSignature };

/** What the sdk-signature route answers: the signature, and for a facilitator the host's ZAK. */
export type ZoomJoinData = ZoomSdkSignature & { zak?: string };

/** The server's code when Zoom gave no host token (ZAK) for a facilitator's join. */
export const HOST_TOKEN_ERROR = "zoom_host_token";

/** Zoom's reason when the facilitator's join data failed for want of a ZAK; null for any other failure. */
export function hostTokenFailure(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.code !== HOST_TOKEN_ERROR) return null;
  const details = err.details as { reason?: unknown } | null | undefined;
  return typeof details?.reason === "string" && details.reason.trim() !== "" ? details.reason : err.message;
}

export const zoomKeys = {
  connection: (orgId: string) => ["org", orgId, "zoom-connection"] as const,
  availability: (orgId: string) => ["org", orgId, "zoom-availability"] as const,
  session: (sessionId: string) => ["session", sessionId, "zoom"] as const,
  embedPage: ["zoom-embed-page"] as const,
};

/** A guest calls with their seat token, not a signed-in person's. */
async function asGuest<T>(method: string, path: string, token: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, headers: { Accept: "application/json", Authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError({ status: 0, code: "network", message: "network", hasServerMessage: false });
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const message = body?.error?.message;
    throw new ApiError({ status: res.status, code: body?.error?.code ?? "unknown", message: message ?? "error", hasServerMessage: Boolean(message) });
  }
  return body as T;
}

export const zoomApi = {
  connection: () => api.get<ZoomConnection>("/api/orgs/current/zoom"),
  connect: (input: ConnectZoomInput) => api.request<ZoomConnection>("PUT", "/api/orgs/current/zoom", { body: input }),
  disconnect: () => api.del("/api/orgs/current/zoom"),
  availability: () => api.get<ZoomAvailability>("/api/integrations/zoom"),
  createMeeting: (sessionId: string) => api.post<ZoomMeeting>(`/api/sessions/${sessionId}/zoom`, {}),
  sessionZoom: (sessionId: string, guestToken?: string) =>
    guestToken ? asGuest<SessionZoom>("GET", `/api/sessions/${sessionId}/zoom`, guestToken) : api.get<SessionZoom>(`/api/sessions/${sessionId}/zoom`),
  /** A Meeting SDK signature for the session's meeting: host role (with the host's ZAK) for facilitators, attendee for guests. */
  sdkSignature: (sessionId: string, guestToken?: string) =>
    guestToken
      ? asGuest<ZoomJoinData>("POST", `/api/sessions/${sessionId}/zoom/sdk-signature`, guestToken)
      : api.post<ZoomJoinData>(`/api/sessions/${sessionId}/zoom/sdk-signature`, {}),
  /** Whether this server has the embedded call's page (web/zoom-embed installed and built). */
  embedPageAvailable: async (page: string) => {
    try {
      const res = await fetch(page, { method: "HEAD", cache: "no-store" });
      return res.ok && (res.headers.get("content-type") ?? "").includes("text/html");
    } catch {
      return false;
    }
  },
};
