// Search latency over 10,000 generated cards on the embedded database (PGlite with pgvector):
// p50/p95 per mode for fresh queries (the query's embedding is computed each time) and for
// repeated ones (answered from the query-embedding cache).
import { randomUUID } from "node:crypto";
import { DEFAULT_CARDS } from "../content/index";
import { seedDefaultContent } from "../server/cards/seed";
import { migrateDatabase, openPglite, wrapPglite, type Database } from "../server/db/client";
import { loadLabelledQueries } from "../server/search/eval/metrics";
import { embedPendingCards, realArrayLiteral } from "../server/search/indexer";
import { rankCards, type SearchMode } from "../server/search/service";
import { EMBEDDING_VERSION, searchTextOf } from "../server/search/text";
import { percentile, timeIt, type Reporter } from "./lib";

const TOTAL_CARDS = 10_000;
const ORGS = 20;
const FRESH_RUNS = 100;
const REPEAT_RUNS = 200;

/** A small deterministic generator, so every run measures the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Generated cards mix two real default cards: their words, themes and a vector between theirs
 * (plus noise), so the embedding space is as clustered as a real library, without spending
 * minutes encoding 10,000 texts.
 */
async function generateCards(database: Database, rand: () => number): Promise<string[]> {
  const source = await database.query<{ word: string; tags: string[]; description: string | null; embedding: number[] }>("SELECT word, tags, description, embedding FROM cards WHERE org_id IS NULL");
  const orgIds: string[] = [];
  for (let i = 0; i < ORGS; i++) orgIds.push((await database.query<{ id: string }>("INSERT INTO orgs (name) VALUES ($1) RETURNING id", [`Bench org ${i}`]))[0].id);
  const deckIds = [];
  for (const orgId of orgIds) deckIds.push((await database.query<{ id: string }>("INSERT INTO decks (org_id, name, kind) VALUES ($1, 'Bench deck', 'mixed') RETURNING id", [orgId]))[0]);
  const perOrg = Math.ceil((TOTAL_CARDS - source.length) / ORGS);
  const batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const values = batch.map((_, i) => `($${i * 9 + 1}::uuid, $${i * 9 + 2}::uuid, $${i * 9 + 3}::uuid, $${i * 9 + 4}, $${i * 9 + 5}, $${i * 9 + 6}::text[], $${i * 9 + 7}, $${i * 9 + 8}::real[], $${i * 9 + 9})`).join(",");
    await database.query(`INSERT INTO cards (id, deck_id, org_id, word, description, tags, search_text, embedding, embedding_model) VALUES ${values}`, batch.flat());
    batch.length = 0;
  };
  for (let o = 0; o < ORGS; o++) {
    for (let i = 0; i < perOrg && o * perOrg + i < TOTAL_CARDS - source.length; i++) {
      const a = source[Math.floor(rand() * source.length)];
      const b = source[Math.floor(rand() * source.length)];
      const mix = rand();
      const raw = a.embedding.map((x, k) => mix * x + (1 - mix) * b.embedding[k] + (rand() - 0.5) * 0.02);
      const norm = Math.hypot(...raw);
      const card = { word: `${a.word} ${b.word.toLowerCase()}`.slice(0, 80), description: a.description, tags: [...new Set([...a.tags.slice(0, 2), ...b.tags.slice(0, 2)])], alt: "", prompts: {} };
      batch.push([randomUUID(), deckIds[o].id, orgIds[o], card.word, card.description, `{${card.tags.map((t) => `"${t}"`).join(",")}}`, searchTextOf(card), realArrayLiteral(raw.map((x) => x / norm)), EMBEDDING_VERSION]);
      if (batch.length === 200) await flush();
    }
  }
  await flush();
  return orgIds;
}

/** The benchmark's database: default content plus generated cards, indexed as in production. */
export async function buildBenchDatabase(r?: Reporter): Promise<{ database: Database; orgIds: string[]; rand: () => number }> {
  const database = wrapPglite(await openPglite());
  await migrateDatabase(database);
  await seedDefaultContent(database);
  await embedPendingCards(database);
  const rand = rng(20240601);
  // The graph is built once after loading, as a bulk import would, rather than insert by insert.
  await database.query("DROP INDEX IF EXISTS cards_embedding_hnsw");
  const orgIds = await generateCards(database, rand);
  const t = performance.now();
  await database.query("CREATE INDEX cards_embedding_hnsw ON cards USING hnsw ((embedding::vector(512)) vector_cosine_ops)");
  r?.add({ section: "search", name: "HNSW index build over 10,000 cards", value: (performance.now() - t) / 1000, unit: "s" });
  await database.query("ANALYZE cards");
  return { database, orgIds, rand };
}

export default async function searchBench(r: Reporter): Promise<void> {
  const { database, orgIds, rand } = await buildBenchDatabase(r);
  const [{ n }] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM cards");

  const labelled = loadLabelledQueries().map((q) => q.q);
  const extras = DEFAULT_CARDS.map((c) => c.tags[0]);
  // Every fresh query is a text never seen before, so its embedding is really computed.
  let counter = 0;
  const freshQuery = () => `${labelled[counter % labelled.length]} and ${extras[Math.floor(counter++ / labelled.length) % extras.length]}`;
  const scope = () => ({ orgId: orgIds[Math.floor(rand() * orgIds.length)] });
  const modes: SearchMode[] = ["keyword", "semantic", "hybrid"];

  for (const mode of modes) {
    const fresh = await timeIt(FRESH_RUNS, () => rankCards(database, scope(), freshQuery(), mode, 20), 5);
    r.add({ section: "search", name: `${mode}, fresh query, ${n} cards: p50`, value: percentile(fresh, 50), unit: "ms" });
    r.add({ section: "search", name: `${mode}, fresh query, ${n} cards: p95`, value: percentile(fresh, 95), unit: "ms", target: mode === "hybrid" ? "< 60 ms" : undefined });
    const repeated = await timeIt(REPEAT_RUNS, (i) => rankCards(database, scope(), labelled[i % 20], mode, 20));
    r.add({ section: "search", name: `${mode}, repeated query: p50`, value: percentile(repeated, 50), unit: "ms" });
    r.add({ section: "search", name: `${mode}, repeated query: p95`, value: percentile(repeated, 95), unit: "ms" });
  }
  // For comparison: the exact scan PostgreSQL without pgvector uses, here on PGlite.
  const exact = await timeIt(20, (i) => rankCards(database, scope(), labelled[i % 20], "semantic", 20, { path: "array-scan" }), 2);
  r.add({ section: "search", name: "semantic, exact scan over arrays (no pgvector): p50", value: percentile(exact, 50), unit: "ms", note: "fallback path" });
  // One organisation's share of a shared server is small; a single-tenant library is the other extreme.
  const whole = await timeIt(50, (i) => rankCards(database, { orgId: null }, labelled[i % 20], "semantic", 20, { path: "index" }));
  r.add({ section: "search", name: "semantic through the HNSW index, repeated query: p50", value: percentile(whole, 50), unit: "ms" });
  await database.close();
}
