import type { OrgSignalsSettings, SessionMood, SignalKind, SignalsConsentAnswer, SignalsSummary } from "../../../../domain/signals";
import { api } from "../../lib/api";

/**
 * A guest speaks with their seat's token, which the app's API client does not hold; a
 * signed-in participant passes no token and the client's own session is used.
 */
async function asSeat<T>(method: "GET" | "POST", path: string, seatToken: string | undefined, body?: unknown): Promise<T> {
  if (!seatToken) return method === "GET" ? api.get<T>(path) : api.post<T>(path, body);
  const res = await fetch(path, {
    method,
    headers: { Accept: "application/json", Authorization: `Bearer ${seatToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (data as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `The studio answered ${res.status}.`);
  }
  return data as T;
}

export const signalsApi = {
  consent: (sessionId: string, seatToken?: string) => asSeat<SignalsConsentAnswer>("GET", `/api/sessions/${sessionId}/signals/consent`, seatToken),
  choose: (sessionId: string, kinds: SignalKind[], seatToken?: string) => asSeat<SignalsConsentAnswer>("POST", `/api/sessions/${sessionId}/signals/consent`, seatToken, { kinds }),
  orgSettings: () => api.get<OrgSignalsSettings>("/api/orgs/current/signals"),
  saveOrgSettings: (value: OrgSignalsSettings) => api.request<OrgSignalsSettings>("PUT", "/api/orgs/current/signals", { body: value }),
  summary: (sessionId: string) => api.get<SignalsSummary>(`/api/sessions/${sessionId}/signals`),
  mood: (sessionId: string) => api.get<SessionMood>(`/api/sessions/${sessionId}/signals/mood`),
};
