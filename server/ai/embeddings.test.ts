import { describe, expect, it } from "vitest";
import { cosine, getEmbedder, normalize } from "./embeddings";

describe("sentence embeddings", () => {
  it("loads once and returns 512-d unit vectors in input order", async () => {
    const [a, b] = await Promise.all([getEmbedder(), getEmbedder()]);
    expect(a).toBe(b);
    const [cat, feline, invoice] = await a.embed(["The cat sleeps on the sofa.", "A kitten naps on the couch.", "Please pay the invoice by Friday."]);
    for (const v of [cat, feline, invoice]) {
      expect(v).toHaveLength(512);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    expect(cosine(cat, feline)).toBeGreaterThan(cosine(cat, invoice));
  });

  it("keeps positions when some inputs are empty or repeated", async () => {
    const embedder = await getEmbedder();
    const [first, empty, again, last] = await embedder.embed(["I feel calm.", "", "I feel calm.", "I feel scared."]);
    expect(empty.every((x) => x === 0)).toBe(true);
    expect(again).toEqual(first);
    expect(cosine(first, last)).toBeLessThan(0.999);
  });

  it("answers repeated texts from the cache and handles more than one batch", async () => {
    const embedder = await getEmbedder();
    const texts = Array.from({ length: 70 }, (_, i) => `Reflection number ${i} about the open door card.`);
    const first = await embedder.embed(texts);
    const started = performance.now();
    const second = await embedder.embed(texts);
    expect(performance.now() - started).toBeLessThan(50);
    expect(second).toEqual(first);
    expect(new Set(first.map((v) => v[0])).size).toBeGreaterThan(1);
  });

  it("computes cosine and normalisation safely", () => {
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1);
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(normalize([3, 4])).toEqual([0.6, 0.8]);
    expect(normalize([0, 0])).toEqual([0, 0]);
  });
});
