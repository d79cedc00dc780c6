import type { CardPrompts } from "../../domain/content";

export interface CardText {
  word: string;
  description?: string | null;
  alt?: string | null;
  tags: readonly string[];
  prompts?: CardPrompts | null;
  /** For the studio's default cards: situations the card speaks to, in a person's words. */
  situations?: readonly string[];
}

/**
 * Identifies the embedding model and the recipe below. Stored beside each vector; the
 * indexer recomputes any vector made under another version, so changing the recipe is safe.
 */
export const EMBEDDING_VERSION = "use-lite-512/card-parts-2";
/** Everything a facilitator might type to find a card, for full-text search. */
export function searchTextOf(card: CardText): string {
  const p = card.prompts ?? {};
  return [card.word, card.description, card.alt, card.tags.join(" "), p.pause, p.expand, p.focus, p.do].filter((s) => s && s.trim()).join("\n");
}

export interface WeightedText {
  text: string;
  weight: number;
}

/**
 * What the card means, as pieces for the sentence encoder, averaged after encoding. Measured
 * on the labelled queries (docs/MODELS.md): the word and each theme encoded on their own match
 * how people describe a situation far better than one sentence gluing them together, and the
 * picture's description helps at half weight (it says what is shown, not what it evokes).
 * Prompts are left out: they are phrased alike across the deck and pull every card together.
 * The default cards also name the situations they speak to ("can't see a way out"), at three
 * quarters weight: people search by their situation, and the card's own words rarely say it.
 */
export function embeddingPartsOf(card: CardText): WeightedText[] {
  const parts: WeightedText[] = [{ text: card.word, weight: 1 }];
  if (card.description?.trim()) parts.push({ text: card.description.trim(), weight: 0.5 });
  for (const tag of card.tags) if (tag.trim()) parts.push({ text: tag.trim(), weight: 1 });
  for (const situation of card.situations ?? []) if (situation.trim()) parts.push({ text: situation.trim(), weight: 0.75 });
  return parts;
}

/** The weighted mean of unit vectors, scaled back to unit length (so cosine stays a dot product). */
export function combineVectors(vectors: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const dims = vectors[0]?.length ?? 0;
  const sum = new Array<number>(dims).fill(0);
  vectors.forEach((v, i) => {
    for (let k = 0; k < dims; k++) sum[k] += weights[i] * v[k];
  });
  const norm = Math.hypot(...sum);
  return norm > 0 ? sum.map((x) => x / norm) : sum;
}
