import type { Card, Journey } from "../domain/content";
import { DEFAULT_CARDS, DEFAULT_CARD_SITUATIONS, type DefaultCard } from "./decks";
import { DEFAULT_JOURNEYS } from "./journeys";

// The studio's original default content: decks, cards, journeys and the coach prompt bank.
// Everything here is plain data with deterministic ids, safe to import in the browser.

export {
  DEFAULT_DECKS, DEFAULT_CARDS, DEFAULT_CARD_SITUATIONS, PHOTO_DECK_ID, WORD_DECK_ID, QUESTION_DECK_ID, defaultImageUrl,
  type DefaultCard,
} from "./decks";
export { DEFAULT_JOURNEYS } from "./journeys";
export { PROMPT_BANK, promptsFor } from "./prompts";
export { renderCardArt, defaultArtSpec, renderArt, SCENE_NAMES, PALETTE_NAMES, type ArtSpec, type SceneName, type PaletteName } from "./art";
export { stableId, slug, defaultCardId } from "./ids";

const CARD_BY_ID = new Map(DEFAULT_CARDS.map((c) => [c.id, c]));

/** Fresh copies, so callers may change what they get without touching the shared defaults. */
export function defaultCards(deckId?: string): Card[] {
  return DEFAULT_CARDS.filter((c) => !deckId || c.deckId === deckId).map((c) => structuredClone(c));
}

/** A copy of one default card, with the situations it speaks to. */
export function findDefaultCard(id: string): DefaultCard | undefined {
  const card = CARD_BY_ID.get(id);
  if (!card) return undefined;
  const situations = DEFAULT_CARD_SITUATIONS.get(id);
  return { ...structuredClone(card), ...(situations && { situations: [...situations] }) };
}

export function defaultJourneys(): Journey[] {
  return DEFAULT_JOURNEYS.map((j) => structuredClone(j));
}

export function findDefaultJourney(id: string): Journey | undefined {
  const journey = DEFAULT_JOURNEYS.find((j) => j.id === id);
  return journey && structuredClone(journey);
}
