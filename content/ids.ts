// Default content needs ids that are identical on every machine and every boot (they are
// primary keys seeded into Postgres and referenced by journeys), and the web bundle must be
// able to compute them too, so this is plain arithmetic rather than node:crypto.

const NAMESPACE = "points-of-you-studio/default-content";

/** 32-bit FNV-1a over UTF-16 code units, finished with murmur3's avalanche mix. */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, "0");

/**
 * A deterministic UUID (version nibble 5, RFC variant) for a content name such as
 * "card/photo/open-door". Not a cryptographic hash: collisions are only checked by tests.
 */
export function stableId(name: string): string {
  const key = `${NAMESPACE}:${name}`;
  const hex = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f].map((seed) => hex8(hash32(key, seed))).join("");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Lower-case, hyphenated form of a title, used inside stable id names. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A small seeded PRNG (mulberry32) so generated art is the same for a given seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The id of a default card, from its deck kind and word; art and seeds key off it too. */
export function defaultCardId(kind: "photo" | "word" | "question", word: string): string {
  return stableId(`card/${kind}/${slug(word)}`);
}
