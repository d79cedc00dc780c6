import { DEFAULT_CARDS, DEFAULT_DECKS, defaultJourneys } from "../../content/index";
import type { Database } from "../db/client";
import { upsertDefaultJourneys } from "../journeys/repository";
import { searchTextOf } from "../search/text";
import { upsertDefaultCards } from "./repository";

/**
 * The studio's default decks, cards and journeys, written at every boot by their stable ids.
 * Idempotent and cheap when nothing changed, so every node may run it.
 */
export async function seedDefaultContent(database: Database): Promise<void> {
  const positions = new Map<string, number>();
  const cardRows = DEFAULT_CARDS.map((c) => {
    const position = positions.get(c.deckId) ?? 0;
    positions.set(c.deckId, position + 1);
    return {
      id: c.id, deckId: c.deckId, orgId: null, word: c.word, description: c.description ?? null, alt: c.alt, prompts: c.prompts, tags: [...c.tags],
      language: c.language, imageUrl: c.imageUrl ?? null, imageKey: null, position, searchText: searchTextOf(c),
    };
  });
  const deckRows = DEFAULT_DECKS.map((d) => ({ id: d.id, orgId: null, name: d.name, kind: d.kind, description: d.description ?? null }));
  await upsertDefaultCards(database.db, deckRows, cardRows);
  await upsertDefaultJourneys(database.db, defaultJourneys());
}
