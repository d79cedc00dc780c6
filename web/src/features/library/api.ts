import type { Card, CardPrompts, CreateCardInput, CreateDeckInput, Deck, DeckKind, Journey, JourneyInput, PhaseKey, UpdateCardInput, UpdateDeckInput } from "../../../../domain/content";
import { api } from "../../lib/api";

// Types only come from the domain: importing its values would pull zod into the bundle.

/** A card as the library API presents it (the domain card plus display state). */
export interface LibraryCard extends Card {
  thumbnailUrl?: string;
  position: number;
  archived: boolean;
  /** The studio's default content: nobody may edit it. */
  readOnly: boolean;
}

export interface LibraryDeck extends Deck {
  archived: boolean;
  readOnly: boolean;
}

export interface LibraryJourney extends Journey {
  archived: boolean;
  readOnly: boolean;
  copiedFrom: string | null;
}

export type SearchMode = "keyword" | "semantic" | "hybrid";
export const SEARCH_MODES: readonly SearchMode[] = ["keyword", "semantic", "hybrid"];
export const DECK_KINDS: readonly DeckKind[] = ["photo", "word", "question", "mixed"];
export const PHASES: readonly PhaseKey[] = ["pause", "expand", "focus", "do"];

export interface SearchHit {
  card: LibraryCard;
  score: number;
}

export interface BulkItem {
  file: string;
  ok: boolean;
  card?: LibraryCard;
  error?: { code: string; message: string };
}
export interface BulkResult {
  items: BulkItem[];
  created: number;
  failed: number;
}

export type { CardPrompts, CreateCardInput, CreateDeckInput, DeckKind, JourneyInput, PhaseKey, UpdateCardInput, UpdateDeckInput };

const archivedQuery = (includeArchived: boolean) => (includeArchived ? "?includeArchived=true" : "");

export const libraryApi = {
  decks: (includeArchived = false) => api.get<{ items: LibraryDeck[] }>(`/api/decks${archivedQuery(includeArchived)}`).then((r) => r.items),
  deck: (id: string) => api.get<LibraryDeck>(`/api/decks/${id}`),
  createDeck: (input: CreateDeckInput) => api.post<LibraryDeck>("/api/decks", input),
  updateDeck: (id: string, patch: UpdateDeckInput) => api.patch<LibraryDeck>(`/api/decks/${id}`, patch),
  setDeckArchived: (id: string, archived: boolean) => api.post<LibraryDeck>(`/api/decks/${id}/${archived ? "archive" : "restore"}`),
  copyDeck: (id: string, name?: string) => api.post<LibraryDeck>(`/api/decks/${id}/copy`, name ? { name } : {}),

  cards: (deckId: string, includeArchived = false) =>
    api.get<{ items: LibraryCard[] }>(`/api/decks/${deckId}/cards${archivedQuery(includeArchived)}`).then((r) => r.items),
  card: (id: string) => api.get<LibraryCard>(`/api/cards/${id}`),
  createCard: (deckId: string, input: CreateCardInput) => api.post<LibraryCard>(`/api/decks/${deckId}/cards`, input),
  updateCard: (id: string, patch: UpdateCardInput) => api.patch<LibraryCard>(`/api/cards/${id}`, patch),
  setCardArchived: (id: string, archived: boolean) => api.post<LibraryCard>(`/api/cards/${id}/${archived ? "archive" : "restore"}`),
  reorder: (deckId: string, cardIds: string[]) =>
    api.request<{ items: LibraryCard[] }>("PUT", `/api/decks/${deckId}/order`, { body: { cardIds } }).then((r) => r.items),

  search: (params: { q: string; mode: SearchMode; deckId?: string; limit?: number }, signal?: AbortSignal) => {
    const query = new URLSearchParams({ q: params.q, mode: params.mode, limit: String(params.limit ?? 40) });
    if (params.deckId) query.set("deckId", params.deckId);
    return api.get<{ items: SearchHit[] }>(`/api/cards/search?${query.toString()}`, { signal }).then((r) => r.items);
  },

  journeys: (includeArchived = false) => api.get<{ items: LibraryJourney[] }>(`/api/journeys${archivedQuery(includeArchived)}`).then((r) => r.items),
  journey: (id: string) => api.get<LibraryJourney>(`/api/journeys/${id}`),
  createJourney: (input: JourneyInput) => api.post<LibraryJourney>("/api/journeys", input),
  replaceJourney: (id: string, input: JourneyInput) => api.request<LibraryJourney>("PUT", `/api/journeys/${id}`, { body: input }),
  copyJourney: (id: string) => api.post<LibraryJourney>(`/api/journeys/${id}/copy`, {}),
  setJourneyArchived: (id: string, archived: boolean) => api.post<LibraryJourney>(`/api/journeys/${id}/${archived ? "archive" : "restore"}`),
};

/** Query keys carry the organisation so switching it refetches everything. */
export const libraryKeys = {
  all: (orgId: string) => ["org", orgId, "library"] as const,
  decks: (orgId: string, archived: boolean) => ["org", orgId, "library", "decks", archived] as const,
  deck: (orgId: string, id: string) => ["org", orgId, "library", "deck", id] as const,
  cards: (orgId: string, deckId: string, archived: boolean) => ["org", orgId, "library", "cards", deckId, archived] as const,
  card: (orgId: string, id: string) => ["org", orgId, "library", "card", id] as const,
  search: (orgId: string, q: string, mode: SearchMode, deckId: string) => ["org", orgId, "library", "search", q, mode, deckId] as const,
  journeys: (orgId: string, archived: boolean) => ["org", orgId, "library", "journeys", archived] as const,
  journey: (orgId: string, id: string) => ["org", orgId, "library", "journey", id] as const,
};
