import type {
  AiSettings,
  Commitment,
  Conversation,
  ConversationListItem,
  ConversationSummary,
  Memory,
  Notification,
  Safety,
  SendMessageResult,
  UpdateAiSettingsInput,
  UpdateSummaryInput,
} from "../../../../domain/api/coach";
import type { CardRecommendations } from "../../../../domain/api/recs";
import type { Card, Deck, Journey } from "../../../../domain/content";
import { ApiError, api } from "../../lib/api";
import { userToken } from "../sessions/token";
import { readEvents } from "./sse";

// Types only come from the domain: importing its values would pull zod into the bundle.
export type { AiSettings, Commitment, Conversation, ConversationListItem, ConversationSummary, Memory, Notification, Safety, SendMessageResult, UpdateSummaryInput };
export type CoachMessage = Conversation["messages"][number];
export type CoachCard = Card & { thumbnailUrl?: string };
export type CoachJourney = Journey & { description?: string; audience?: string };
export type FeedbackBody = {
  targetType: "card" | "coachMessage" | "recommendation" | "journey";
  targetId: string;
  signal: "chosen" | "kept" | "swapped" | "resonant" | "not-resonant" | "helpful" | "not-helpful";
  reason?: string;
  context?: { sessionId?: string; conversationId?: string; recommendationIds?: string[] };
};

/**
 * Who is speaking to the coach: a signed-in person (the app's session, in the active
 * organisation) or a session guest with their seat's token. Everything below works with both.
 */
export interface CoachTransport {
  /** Part of every query key, so a guest's and a person's data never mix. */
  readonly scope: string;
  json<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** The raw response of a streamed answer. */
  open(path: string, body: unknown, signal: AbortSignal): Promise<Response>;
}

export async function errorFrom(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  const message = body?.error?.message ?? "";
  return new ApiError({ status: res.status, code: body?.error?.code ?? (res.status >= 500 ? "internal" : "unknown"), message: message || "unknown", details: body?.error?.details, hasServerMessage: message.length > 0 });
}

const networkError = () => new ApiError({ status: 0, code: "network", message: "network", hasServerMessage: false });

export const userTransport: CoachTransport = {
  get scope() {
    return `org:${api.getOrgId() ?? "-"}`;
  },
  json: (method, path, body) => api.request(method, path, { body }),
  async open(path, body, signal) {
    // The app's client reads whole JSON answers; a stream needs the token as a raw value.
    const attempt = async (fresh: boolean) => {
      const token = await userToken({ fresh });
      const headers: Record<string, string> = { Accept: "text/event-stream", "Content-Type": "application/json" };
      if (token) headers.Authorization = `Bearer ${token}`;
      const orgId = api.getOrgId();
      if (orgId) headers["X-Org-Id"] = orgId;
      return fetch(path, { method: "POST", headers, body: JSON.stringify(body), signal, credentials: "same-origin" });
    };
    let res = await attempt(false);
    if (res.status === 401) res = await attempt(true);
    return res;
  },
};

/** A session guest speaks with their seat's token and no organisation header. */
export function seatTransport(token: string): CoachTransport {
  const headers = (accept: string, withBody: boolean): Record<string, string> => ({ Accept: accept, Authorization: `Bearer ${token}`, ...(withBody ? { "Content-Type": "application/json" } : {}) });
  return {
    scope: `seat:${token.slice(-16)}`,
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      let res: Response;
      try {
        res = await fetch(path, { method, headers: headers("application/json", body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
      } catch {
        throw networkError();
      }
      if (!res.ok) throw await errorFrom(res);
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    open: (path, body, signal) => fetch(path, { method: "POST", headers: headers("text/event-stream", true), body: JSON.stringify(body), signal }),
  };
}

export interface StreamedTurn {
  onDelta: (text: string) => void;
  signal: AbortSignal;
}

/**
 * Says something to the coach and streams the answer: `delta` pieces as they come, then the
 * `done` event, whose message is authoritative (a reply may have been replaced on the way).
 */
export async function sendStreamed(transport: CoachTransport, conversationId: string, text: string, { onDelta, signal }: StreamedTurn): Promise<SendMessageResult> {
  let res: Response;
  try {
    res = await transport.open(`/api/coach/conversations/${conversationId}/messages`, { text }, signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw networkError();
  }
  if (!res.ok) throw await errorFrom(res);
  if (!(res.headers.get("content-type") ?? "").includes("text/event-stream") || !res.body) {
    // A proxy that does not pass streams on: the JSON answer arrives whole.
    const whole = (await res.json()) as SendMessageResult;
    onDelta(whole.message.text);
    return whole;
  }
  let result: SendMessageResult | null = null;
  let failure: ApiError | null = null;
  await readEvents(res.body, (e) => {
    if (e.event === "delta") onDelta((JSON.parse(e.data) as { text: string }).text);
    else if (e.event === "done") result = JSON.parse(e.data) as SendMessageResult;
    else if (e.event === "error") {
      const err = (JSON.parse(e.data) as { error?: { code?: string; message?: string } }).error;
      failure = new ApiError({ status: 200, code: err?.code ?? "internal", message: err?.message ?? "internal", hasServerMessage: Boolean(err?.message) });
    }
  });
  if (failure) throw failure;
  if (!result) throw networkError();
  return result;
}

export function coachApi(t: CoachTransport) {
  return {
    conversations: () => t.json<{ items: ConversationListItem[] }>("GET", "/api/coach/conversations").then((r) => r.items),
    conversation: (id: string) => t.json<Conversation>("GET", `/api/coach/conversations/${id}`),
    start: (body: { topic?: string; cardIds?: string[]; journeyId?: string; sessionId?: string }) => t.json<{ id: string }>("POST", "/api/coach/conversations", body),
    summary: (id: string) => t.json<ConversationSummary>("GET", `/api/coach/conversations/${id}/summary`),
    saveSummary: (id: string, body: UpdateSummaryInput) => t.json<ConversationSummary>("PUT", `/api/coach/conversations/${id}/summary`, body),
    deleteSummary: (id: string) => t.json<void>("DELETE", `/api/coach/conversations/${id}/summary`),
    memories: () => t.json<{ items: Memory[] }>("GET", "/api/coach/memories").then((r) => r.items),
    forget: (id: string) => t.json<void>("DELETE", `/api/coach/memories/${id}`),
    feedback: (body: FeedbackBody) => t.json<void>("POST", "/api/feedback", body),
    commitments: () => t.json<{ items: Commitment[] }>("GET", "/api/commitments").then((r) => r.items),
    updateCommitment: (id: string, body: { status?: "open" | "done" | "dropped"; dueAt?: string; note?: string }) => t.json<Commitment>("PATCH", `/api/commitments/${id}`, body),
    reflect: (id: string) => t.json<{ conversationId: string }>("POST", `/api/commitments/${id}/reflect`),
    notifications: (unread = true) => t.json<{ items: Notification[] }>("GET", `/api/notifications${unread ? "?unread=true" : ""}`).then((r) => r.items),
    markRead: (id: string) => t.json<void>("POST", `/api/notifications/${id}/read`),
    recommendations: (topic: string, limit = 3) => t.json<CardRecommendations>("GET", `/api/recommendations/cards?${new URLSearchParams({ topic, limit: String(limit) })}`),
    journeys: () => t.json<{ items: CoachJourney[] }>("GET", "/api/journeys").then((r) => r.items),
    decks: () => t.json<{ items: Deck[] }>("GET", "/api/decks").then((r) => r.items),
    card: (id: string) => t.json<CoachCard>("GET", `/api/cards/${id}`),
    sessionCards: (sessionId: string) => t.json<{ items: CoachCard[] }>("GET", `/api/sessions/${sessionId}/cards`).then((r) => r.items),
    deckCards: (deckId: string) => t.json<{ items: CoachCard[] }>("GET", `/api/decks/${deckId}/cards`).then((r) => r.items),
    aiSettings: () => t.json<AiSettings>("GET", "/api/orgs/current/ai"),
    saveAiSettings: (body: UpdateAiSettingsInput) => t.json<AiSettings>("PUT", "/api/orgs/current/ai", body),
  };
}
export type CoachApi = ReturnType<typeof coachApi>;

export const coachKeys = {
  all: (scope: string) => ["coach", scope] as const,
  conversations: (scope: string) => ["coach", scope, "conversations"] as const,
  conversation: (scope: string, id: string) => ["coach", scope, "conversation", id] as const,
  summary: (scope: string, id: string) => ["coach", scope, "summary", id] as const,
  memories: (scope: string) => ["coach", scope, "memories"] as const,
  commitments: (scope: string) => ["coach", scope, "commitments"] as const,
  notifications: (scope: string) => ["coach", scope, "notifications"] as const,
  journeys: (scope: string) => ["coach", scope, "journeys"] as const,
  decks: (scope: string) => ["coach", scope, "decks"] as const,
  cards: (scope: string, ids: readonly string[]) => ["coach", scope, "cards", ...ids] as const,
  deckCards: (scope: string, deckId: string) => ["coach", scope, "deck", deckId] as const,
  aiSettings: (scope: string) => ["coach", scope, "ai"] as const,
};
