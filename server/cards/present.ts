import type { CardMedia } from "../media/index";
import type { CardRow, DeckWithCount } from "./repository";
import type { CardView, DeckView } from "./schemas";

/** Rows become API objects here only; storage keys never leave the server, only signed URLs do. */
export function presentCard(row: CardRow, media: CardMedia): CardView {
  const images = row.imageKey
    ? { imageUrl: media.urlOf(row.imageKey, "web"), thumbnailUrl: media.urlOf(row.imageKey, "thumb") }
    : row.imageUrl
      ? { imageUrl: row.imageUrl, thumbnailUrl: row.imageUrl }
      : {};
  return {
    id: row.id,
    deckId: row.deckId,
    word: row.word,
    ...(row.description ? { description: row.description } : {}),
    ...images,
    alt: row.alt,
    prompts: row.prompts ?? {},
    tags: row.tags ?? [],
    language: row.language,
    position: row.position,
    archived: row.archivedAt !== null,
    readOnly: row.orgId === null,
  };
}

export function presentDeck(row: DeckWithCount): DeckView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    ...(row.description ? { description: row.description } : {}),
    cardCount: row.cardCount,
    orgId: row.orgId,
    archived: row.archivedAt !== null,
    readOnly: row.orgId === null,
  };
}
