import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS, WORD_DECK_ID } from "../../content/index";
import type { Embedder } from "../ai/embeddings";
import { createTestApp, ENGINE, type TestApp } from "../test/harness";
import { signUp, type SignedUp } from "../test/factories";
import { loadLabelledQueries, mean, ndcgAt } from "./eval/metrics";
import { EmbeddingIndexer, indexerFor } from "./indexer";
import { detectVectorSupport } from "./repository";
import { fuseRankings, queryVector, rankCards } from "./service";

describe("card search", () => {
  let t: TestApp;
  let owner: SignedUp;
  let stranger: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    stranger = await signUp(t.app);
  });
  afterAll(() => t.close());

  const search = (who: SignedUp, params: Record<string, string>) =>
    t.app.inject({ method: "GET", url: `/api/cards/search?${new URLSearchParams(params)}`, headers: who.headers });
  const words = (res: { json(): unknown }) => (res.json() as { items: { card: { word: string } }[] }).items.map((i) => i.card.word);
  async function deckWith(who: SignedUp, cards: { word: string; description?: string; tags?: string[] }[]) {
    const deck = (await t.app.inject({ method: "POST", url: "/api/decks", headers: who.headers, payload: { name: "Search deck", kind: "word" } })).json().id as string;
    const ids: string[] = [];
    for (const c of cards) ids.push((await t.app.inject({ method: "POST", url: `/api/decks/${deck}/cards`, headers: who.headers, payload: c })).json().id);
    return { deck, ids };
  }

  it("fuses rankings by reciprocal rank: agreement beats one strong list", () => {
    const fused = fuseRankings([[{ id: "a", score: 9 }, { id: "b", score: 5 }, { id: "c", score: 1 }], [{ id: "b", score: 0.9 }, { id: "d", score: 0.8 }]], 3);
    expect(fused.map((h) => h.id)).toEqual(["b", "a", "d"]);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 1 / 61);
  });

  it("meets a quality floor on the labelled queries, and hybrid beats keyword", async () => {
    const queries = loadLabelledQueries();
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const score = async (mode: "keyword" | "hybrid") =>
      mean(await Promise.all(queries.map(async ({ q, relevant }) => ndcgAt((await rankCards(t.database, { orgId: null }, q, mode, 10)).map((h) => h.id), relevant))));
    const [keyword, hybrid] = [await score("keyword"), await score("hybrid")];
    expect(hybrid).toBeGreaterThan(0.4);
    expect(hybrid).toBeGreaterThan(keyword);
    for (const text of ["afraid to take a risk", "feeling lonely and isolated", "being thankful for what I have"]) {
      const labelled = queries.find((q) => q.q === text)!;
      const top = (await rankCards(t.database, { orgId: null }, text, "hybrid", 10)).map((h) => h.id);
      expect(top.filter((id) => labelled.relevant.has(id)).length, text).toBeGreaterThanOrEqual(3);
    }
  });

  it("answers {items:[{card, score}]} best first over HTTP, narrowed by deck, in every mode", async () => {
    for (const mode of ["keyword", "semantic", "hybrid"]) {
      const res = await search(owner, { q: "courage to face fear", mode, limit: "5" });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { card: { id: string }; score: number }[];
      expect(items.length).toBe(5);
      expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
    }
    const inWords = await search(owner, { q: "courage", deckId: WORD_DECK_ID });
    expect((inWords.json().items as { card: { deckId: string } }[]).every((i) => i.card.deckId === WORD_DECK_ID)).toBe(true);
    expect(words(inWords)[0]).toBe("Courage");
    expect((await search(owner, { q: "" })).statusCode).toBe(400);
    expect((await search(owner, { q: "x", mode: "magic" })).statusCode).toBe(400);
    expect((await search(owner, { q: "x", limit: "500" })).statusCode).toBe(400);
  });

  it("finds a new card by keyword at once and by meaning once indexed; edits are re-embedded", async () => {
    const { deck, ids } = await deckWith(owner, [
      { word: "Campfire", description: "Sitting together around a fire at night", tags: ["storytelling", "warmth", "community"] },
      { word: "Spreadsheet", tags: ["numbers", "accounting"] },
      { word: "Glacier", tags: ["ice", "slowness"] },
    ]);
    expect(words(await search(owner, { q: "campfire", mode: "keyword" }))).toContain("Campfire");
    await indexerFor(t.ctx).idle();
    const [row] = await t.database.query<{ embedded: boolean }>("SELECT embedding IS NOT NULL AS embedded FROM cards WHERE id = $1", [ids[0]]);
    expect(row.embedded).toBe(true);
    // No word in common with the card: only its meaning can find it.
    expect(words(await search(owner, { q: "telling tales with friends", mode: "semantic", deckId: deck }))[0]).toBe("Campfire");

    const vectorOf = async (id: string) => (await t.database.query<{ v: string }>("SELECT embedding::text AS v FROM cards WHERE id = $1", [id]))[0].v;
    const before = await vectorOf(ids[1]);
    await t.app.inject({ method: "PATCH", url: `/api/cards/${ids[1]}`, headers: owner.headers, payload: { word: "Ocean", tags: ["sea", "waves", "beach"] } });
    expect(words(await search(owner, { q: "ocean", mode: "keyword", deckId: deck }))).toEqual(["Ocean"]);
    await indexerFor(t.ctx).idle();
    expect(await vectorOf(ids[1])).not.toBe(before);
    expect(words(await search(owner, { q: "a day at the seaside", mode: "semantic", deckId: deck }))[0]).toBe("Ocean");
  });

  it("only ever returns cards the caller may see, and never archived ones", async () => {
    const { deck, ids } = await deckWith(owner, [{ word: "Quokkaberry" }, { word: "Quokkaberry twin" }]);
    expect(words(await search(stranger, { q: "quokkaberry", mode: "keyword" }))).toEqual([]);
    expect((await search(stranger, { q: "quokkaberry", deckId: deck })).statusCode).toBe(404);
    await indexerFor(t.ctx).idle();
    for (const mode of ["keyword", "semantic", "hybrid"]) {
      const seen = (await search(stranger, { q: "quokkaberry", mode, limit: "50" })).json().items as { card: { id: string } }[];
      expect(seen.some((i) => ids.includes(i.card.id))).toBe(false);
    }
    await t.app.inject({ method: "POST", url: `/api/cards/${ids[1]}/archive`, headers: owner.headers, payload: {} });
    expect(words(await search(owner, { q: "quokkaberry", mode: "keyword" }))).toEqual(["Quokkaberry"]);
    await t.app.inject({ method: "POST", url: `/api/decks/${deck}/archive`, headers: owner.headers, payload: {} });
    expect(words(await search(owner, { q: "quokkaberry", mode: "hybrid" }))).not.toContain("Quokkaberry");
  });

  it("ranks the same through the vector index, the vector scan and the exact scan over arrays", async () => {
    const support = await detectVectorSupport(t.database);
    // PGlite ships pgvector; the CI PostgreSQL does not, and then every search takes the exact path.
    expect(support.hnsw).toBe(ENGINE === "pglite");
    for (const q of ["feeling stuck at work", "hope in dark times", "trusting my gut feeling", "team conflict"]) {
      for (const scope of [{ orgId: null }, { orgId: owner.orgId }, { orgId: null, deckId: WORD_DECK_ID }]) {
        const exact = await rankCards(t.database, scope, q, "semantic", 10, { path: "array-scan" });
        for (const path of ["auto", "index", "vector-scan"] as const) {
          const other = await rankCards(t.database, scope, q, "semantic", 10, { path });
          expect(other.map((h) => h.id), `${path}: ${q}`).toEqual(exact.map((h) => h.id));
          other.forEach((h, i) => expect(h.score).toBeCloseTo(exact[i].score, 4));
        }
      }
    }
  });

  it("caches query embeddings", async () => {
    const first = await queryVector("Somewhere  to REST");
    expect(await queryVector("somewhere to rest")).toBe(first);
  });

  it("computes embeddings in the background without blocking writers, and stops cleanly", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const slow: Embedder = {
      dimensions: 512,
      runtime: "onnxruntime",
      async embed(texts) {
        calls += 1;
        await gate;
        return texts.map((_, i) => Array.from({ length: 512 }, (_, k) => (k === i % 512 ? 1 : 0)));
      },
    };
    const { ids } = await deckWith(owner, [{ word: "Slow one" }]);
    // The app's own indexer may get there first; make the card pending again for this one.
    await indexerFor(t.ctx).idle();
    await t.database.query("UPDATE cards SET embedding = NULL WHERE id = $1", [ids[0]]);
    const indexer = new EmbeddingIndexer(t.database, { warn: () => undefined }, async () => slow);
    const started = performance.now();
    indexer.kick();
    expect(performance.now() - started).toBeLessThan(20);
    let idle = false;
    const waiting = indexer.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(idle).toBe(false);
    expect(indexer.busy).toBe(true);
    release();
    await waiting;
    expect(indexer.busy).toBe(false);
    expect(calls).toBeGreaterThan(0);
    const [row] = await t.database.query<{ model: string | null }>("SELECT embedding_model AS model FROM cards WHERE id = $1", [ids[0]]);
    expect(row.model).toMatch(/^use-lite-512/);
    await indexer.stop();
    indexer.kick();
    await indexer.idle();
    expect(DEFAULT_CARDS.length).toBeGreaterThan(100);
  });

  it("tells /metrics whether background indexing is still running", async () => {
    const app = indexerFor(t.ctx);
    await app.idle();
    const metrics = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/^card_embedding_indexer_busy 0$/m);
  });
});
