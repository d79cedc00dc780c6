import type { ConnectZoomInput, SessionZoom, ZoomAvailability, ZoomConnection, ZoomMeeting, ZoomSdkSignature } from "../../../../domain/api/integrations";
import { ApiError, api } from "../../lib/api";

// Types only come from the domain: importing its values would pull zod into the bundle.
export type { ConnectZoomInput, SessionZoom, ZoomAvailability, ZoomConnection, ZoomMeeting, ZoomSdkSignature };

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
  /** A Meeting SDK signature for the session's meeting: host role for facilitators, attendee for guests. */
  sdkSignature: (sessionId: string, guestToken?: string) =>
    guestToken
      ? asGuest<ZoomSdkSignature>("POST", `/api/sessions/${sessionId}/zoom/sdk-signature`, guestToken)
      : api.post<ZoomSdkSignature>(`/api/sessions/${sessionId}/zoom/sdk-signature`, {}),
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
