import { PHOTO_CARD_SOURCES } from "../decks";
import { defaultCardId } from "../ids";
import { renderArt, specFromSeed, type ArtSpec } from "./render";

export { renderArt, specFromSeed, SCENE_NAMES, type ArtSpec, type SceneName } from "./render";
export { PALETTE_NAMES, type PaletteName } from "./palettes";

const SPEC_BY_CARD = new Map<string, ArtSpec>(
  PHOTO_CARD_SOURCES.map((s) => [defaultCardId("photo", s.word), { scene: s.scene, palette: s.palette }]),
);

/** The art spec of a default photo card, or undefined for any other id. */
export function defaultArtSpec(cardId: string): ArtSpec | undefined {
  return SPEC_BY_CARD.get(cardId);
}

/**
 * The picture of a default photo card as a standalone SVG document. Any other string is
 * treated as a seed and still gets a picture, so placeholders never come out blank.
 */
export function renderCardArt(cardIdOrSeed: string): string {
  return renderArt(SPEC_BY_CARD.get(cardIdOrSeed) ?? specFromSeed(cardIdOrSeed), cardIdOrSeed);
}
