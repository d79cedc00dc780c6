import type { CardPrompts } from "../../domain/content";

export interface CardText {
  word: string;
  description?: string | null;
  alt?: string | null;
  tags: readonly string[];
  prompts?: CardPrompts | null;
}

/**
 * Identifies the embedding model and the text recipe below. Stored beside each vector; the
 * indexer recomputes any vector made under another version, so changing the recipe is safe.
 */
export const EMBEDDING_VERSION = "use-lite-512/card-text-1";

/** Everything a facilitator might type to find a card, for full-text search. */
export function searchTextOf(card: CardText): string {
  const p = card.prompts ?? {};
  return [card.word, card.description, card.alt, card.tags.join(" "), p.pause, p.expand, p.focus, p.do].filter((s) => s && s.trim()).join("\n");
}

/**
 * What the card means, for the sentence encoder. Prompts are left out on purpose: they are
 * phrased alike across the deck ("What do you notice…") and pull every card toward the same
 * point, while the word, the picture's description and the themes tell cards apart.
 */
export function embeddingTextOf(card: CardText): string {
  const parts = [card.word];
  if (card.description?.trim()) parts.push(card.description.trim());
  if (card.tags.length) parts.push(`Themes: ${card.tags.join(", ")}.`);
  return parts.join(". ").replace(/\.\./g, ".");
}
