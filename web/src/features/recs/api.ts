import type { CardRecommendations, JourneyRecommendations } from "../../../../domain/api/recs";
import type { z } from "zod";
import { api } from "../../lib/api";

export type CardSuggestions = CardRecommendations;
export type JourneySuggestions = z.infer<typeof JourneyRecommendations>;

export interface CardSuggestionQuery {
  sessionId: string;
  topic?: string;
  participantId?: string;
  limit?: number;
}

const qs = (q: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
};

export const recsKeys = {
  cards: (orgId: string, q: CardSuggestionQuery) => ["org", orgId, "recs", "cards", q] as const,
  journeys: (orgId: string, goal: string) => ["org", orgId, "recs", "journeys", goal] as const,
};

export const recsApi = {
  cards: (q: CardSuggestionQuery) => api.get<CardSuggestions>(`/api/recommendations/cards?${qs({ ...q })}`),
  journeys: (goal: string) => api.get<JourneySuggestions>(`/api/recommendations/journeys?${qs({ goal, limit: 3 })}`),
  feedback: (recommendationId: string, signal: "resonant" | "not-resonant" | "chosen" | "helpful", shown: string[], sessionId?: string) =>
    api.post<void>("/api/feedback", { targetType: "recommendation", targetId: recommendationId, signal, context: { recommendationIds: shown, ...(sessionId ? { sessionId } : {}) } }),
};
