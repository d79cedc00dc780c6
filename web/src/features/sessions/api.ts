import type { JoinSessionResult, JournalEntry, SessionRecord, SessionSummary } from "../../../../domain/api/sessions";
import type { Card, Deck, Journey } from "../../../../domain/content";
import { ApiError, api } from "../../lib/api";
import { userToken } from "./token";

// Types only come from the domain: importing its values would pull zod into the bundle.

export type { JoinSessionResult, JournalEntry, SessionRecord, SessionSummary };
export type SessionJourney = Journey & { description?: string; audience?: string };
export type SessionDeck = Deck;
export type SessionCard = Card;

export interface CreateSessionBody {
  title: string;
  journeyId: string;
  admission: "auto" | "manual";
}

export const sessionKeys = {
  all: (orgId: string) => ["org", orgId, "sessions"] as const,
  one: (orgId: string, id: string) => ["org", orgId, "sessions", id] as const,
  record: (orgId: string, id: string) => ["org", orgId, "sessions", id, "record"] as const,
  qr: (orgId: string, id: string) => ["org", orgId, "sessions", id, "qr"] as const,
  journeys: (orgId: string) => ["org", orgId, "session-journeys"] as const,
  journey: (orgId: string, id: string) => ["org", orgId, "session-journeys", id] as const,
  decks: (orgId: string) => ["org", orgId, "session-decks"] as const,
  deckCards: (orgId: string, deckId: string) => ["org", orgId, "session-deck-cards", deckId] as const,
  journal: ["journal"] as const,
};

export const sessionsApi = {
  list: () => api.get<{ items: SessionSummary[] }>("/api/sessions").then((r) => r.items),
  get: (id: string) => api.get<SessionSummary>(`/api/sessions/${id}`),
  create: (body: CreateSessionBody) => api.post<SessionSummary>("/api/sessions", body),
  record: (id: string) => api.get<SessionRecord>(`/api/sessions/${id}/record`),
  journeys: () => api.get<{ items: SessionJourney[] }>("/api/journeys").then((r) => r.items),
  journey: (id: string) => api.get<SessionJourney>(`/api/journeys/${id}`),
  decks: () => api.get<{ items: SessionDeck[] }>("/api/decks").then((r) => r.items),
  deckCards: (deckId: string) => api.get<{ items: SessionCard[] }>(`/api/decks/${deckId}/cards`).then((r) => r.items),
  journal: () => api.get<{ items: JournalEntry[] }>("/api/journal").then((r) => r.items),
  claim: (participantToken: string) => api.post<{ sessionId: string; participantId: string }>("/api/journal/claim", { participantToken }),

  /** The QR code needs the bearer token, so it is fetched as a blob and shown from an object URL. */
  async qrObjectUrl(id: string): Promise<string> {
    const token = await userToken();
    const headers: Record<string, string> = { Accept: "image/svg+xml" };
    if (token) headers.Authorization = `Bearer ${token}`;
    const orgId = api.getOrgId();
    if (orgId) headers["X-Org-Id"] = orgId;
    const res = await fetch(`/api/sessions/${id}/qr.svg`, { headers, credentials: "same-origin" });
    if (!res.ok) throw new ApiError({ status: res.status, code: "unknown", message: "qr", hasServerMessage: false });
    return URL.createObjectURL(await res.blob());
  },

  /** Joining is public; a signed-in person also sends their token so the seat is linked to the account. */
  join: (joinCode: string, displayName: string, signedIn: boolean) =>
    api.post<JoinSessionResult>("/api/sessions/join", { joinCode, displayName }, { auth: signedIn, org: false }),
};
