import { describe, expect, it } from "vitest";
import { DEFAULT_CARDS, PHOTO_DECK_ID } from "../index";
import { PALETTE_NAMES } from "./palettes";
import { defaultArtSpec, renderArt, renderCardArt, SCENE_NAMES } from "./index";

const SIZE_BUDGET = 6 * 1024;
const photoCards = DEFAULT_CARDS.filter((c) => c.deckId === PHOTO_DECK_ID);
const art = new Map(photoCards.map((c) => [c.id, renderCardArt(c.id)]));

/** A small well-formedness check: every opened element is closed in order, attributes are quoted. */
function checkWellFormed(svg: string): string | null {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    if (/[<>]/.test(svg.slice(last, m.index))) return `stray bracket before ${m.index}`;
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) return `unexpected </${name}>`;
    } else if (!selfClosing) stack.push(name);
  }
  if (/[<>]/.test(svg.slice(last))) return "stray bracket at end";
  return stack.length ? `unclosed <${stack.join(", ")}>` : null;
}

/** Every id referenced with url(#…) is defined in the same document. */
function danglingRefs(svg: string): string[] {
  const defined = new Set([...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  return [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]).filter((id) => !defined.has(id));
}

describe("generated card art", () => {
  it("gives every default photo card its own chosen scene", () => {
    for (const card of photoCards) expect(defaultArtSpec(card.id), card.word).toBeDefined();
  });

  it("uses every scene at least once", () => {
    const used = new Set(photoCards.map((c) => defaultArtSpec(c.id)!.scene));
    expect([...SCENE_NAMES].filter((s) => !used.has(s))).toEqual([]);
  });

  it("never repeats the same scene and palette on two cards", () => {
    const combos = photoCards.map((c) => `${defaultArtSpec(c.id)!.scene}/${defaultArtSpec(c.id)!.palette}`);
    expect(new Set(combos).size).toBe(combos.length);
  });

  it("is a standalone, portrait 3:4 SVG document", () => {
    for (const [id, svg] of art) {
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 400"'), id).toBe(true);
      expect(svg.endsWith("</svg>")).toBe(true);
    }
  });

  it("is well-formed with every internal reference resolved", () => {
    for (const [id, svg] of art) {
      expect(checkWellFormed(svg), id).toBeNull();
      expect(danglingRefs(svg), id).toEqual([]);
      expect(svg, id).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it("contains no scripts, event handlers or external references", () => {
    for (const [id, svg] of art) {
      expect(svg, id).not.toMatch(/<script/i);
      expect(svg, id).not.toMatch(/href="http/i);
      expect(svg, id).not.toMatch(/\bhref=/i);
      expect(svg, id).not.toMatch(/\son\w+=/i);
      expect(svg, id).not.toMatch(/url\((?!#)/);
      expect(svg, id).not.toMatch(/<(image|foreignObject|use)\b/i);
      // The namespace declaration is the only URL allowed in the document.
      expect(svg.match(/https?:\/\//g)).toEqual(["http://"]);
    }
  });

  it("stays under the size budget", () => {
    for (const [id, svg] of art) expect(svg.length, id).toBeLessThan(SIZE_BUDGET);
  });

  it("is different for every card", () => {
    expect(new Set(art.values()).size).toBe(art.size);
  });

  it("is deterministic", () => {
    const [id, svg] = [...art][0];
    expect(renderCardArt(id)).toBe(svg);
  });

  it("renders any seed, and every scene in every palette, within the same rules", () => {
    for (const seed of ["a", "user-card-1", "🌊"]) expect(checkWellFormed(renderCardArt(seed))).toBeNull();
    for (const scene of SCENE_NAMES) {
      for (const palette of PALETTE_NAMES) {
        const svg = renderArt({ scene, palette }, `${scene}-${palette}`);
        expect(checkWellFormed(svg), `${scene}/${palette}`).toBeNull();
        expect(danglingRefs(svg)).toEqual([]);
        expect(svg.length, `${scene}/${palette}`).toBeLessThan(SIZE_BUDGET);
        expect(svg).not.toMatch(/NaN/);
      }
    }
  });

  it("prefixes its ids per card, so many cards can be inlined on one page", () => {
    const ids = (svg: string) => new Set([...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const owner = new Map<string, number>();
    [...art.values()].forEach((svg, i) => {
      for (const id of ids(svg)) {
        expect(owner.get(id) ?? i, id).toBe(i);
        owner.set(id, i);
      }
    });
  });
});
