import { getEmbedder } from "../ai/embeddings";
import { assertVisible, type OrgActor } from "../cards/service";
import { cardRepository } from "../cards/repository";
import { presentCard } from "../cards/present";
import type { AppContext } from "../context";
import type { Database } from "../db/client";
import { mediaFor } from "../media/index";
import { realArrayLiteral } from "./indexer";
import { detectVectorSupport, searchRepository, type Hit, type SearchScope } from "./repository";

export type SearchMode = "keyword" | "semantic" | "hybrid";
export const RRF_K = 60;
/** How deep each list goes before fusion: deep enough that a card ranked well by one side still counts. */
const FUSION_DEPTH = 50;

interface QueryVector {
  vector: string;
  realArray: string;
}
const QUERY_CACHE_SIZE = 1_000;
const queryCache = new Map<string, QueryVector>();

/**
 * The query's embedding and its two SQL spellings, cached: facilitators repeat searches
 * (and type-ahead repeats prefixes), and the model call is most of a search's time.
 */
export async function queryVector(q: string): Promise<QueryVector> {
  const key = q.trim().toLowerCase().replace(/\s+/g, " ");
  const hit = queryCache.get(key);
  if (hit) {
    queryCache.delete(key);
    queryCache.set(key, hit);
    return hit;
  }
  const [v] = await (await getEmbedder()).embed([key]);
  const entry = { vector: `[${v.join(",")}]`, realArray: realArrayLiteral(v) };
  queryCache.set(key, entry);
  if (queryCache.size > QUERY_CACHE_SIZE) queryCache.delete(queryCache.keys().next().value!);
  return entry;
}

/** Reciprocal rank fusion: each list adds 1/(k + rank); agreement between the lists wins. */
export function fuseRankings(lists: Hit[][], limit: number, k = RRF_K): Hit[] {
  const scores = new Map<string, number>();
  for (const list of lists) list.forEach((hit, i) => scores.set(hit.id, (scores.get(hit.id) ?? 0) + 1 / (k + i + 1)));
  return [...scores.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * How semantic search finds neighbours. "auto" picks the fastest exact-enough one for the
 * engine and the caller's visible set; the others exist so tests can check they agree.
 */
export type SemanticPath = "auto" | "index" | "vector-scan" | "array-scan";
export interface RankOptions {
  path?: SemanticPath;
}

/**
 * Below this many visible cards a plain scan with pgvector's distance beats the graph walk,
 * whose filtered results thin out as the caller's share of all cards shrinks (measured in
 * bench/search.ts: ~8 ms for 700 visible cards among 10,000, versus more for the walk).
 */
const SCAN_BELOW = 2_000;

/** How many cards a scope can see changes slowly and only picks the search path: asked at most every few seconds. */
const VISIBLE_TTL_MS = 10_000;
const visibleCounts = new WeakMap<Database, Map<string, { n: number; at: number }>>();
async function visibleCount(database: Database, scope: SearchScope): Promise<number> {
  let counts = visibleCounts.get(database);
  if (!counts) visibleCounts.set(database, (counts = new Map()));
  const key = `${scope.orgId ?? ""}|${scope.deckId ?? ""}`;
  const hit = counts.get(key);
  if (hit && Date.now() - hit.at < VISIBLE_TTL_MS) return hit.n;
  const n = await searchRepository(database.db).countVisible(scope);
  if (counts.size > 10_000) counts.clear();
  counts.set(key, { n, at: Date.now() });
  return n;
}

/** Card ids with scores, best first. The HTTP route, the evaluation and the benchmark share it. */
export async function rankCards(database: Database, scope: SearchScope, q: string, mode: SearchMode, limit: number, opts: RankOptions = {}): Promise<Hit[]> {
  const repo = searchRepository(database.db);
  const semantic = async (depth: number) => {
    const [qv, support] = await Promise.all([queryVector(q), detectVectorSupport(database)]);
    let path = opts.path ?? "auto";
    if (!support.hnsw) path = "array-scan";
    else if (path === "auto") path = (await visibleCount(database, scope)) < SCAN_BELOW ? "vector-scan" : "index";
    if (path === "index") return repo.semanticIndexed(scope, qv.vector, depth, support);
    if (path === "vector-scan") return repo.semanticVectorScan(scope, qv.vector, depth);
    return repo.semanticExact(scope, qv.realArray, depth);
  };
  if (mode === "keyword") return repo.keyword(scope, q, limit);
  if (mode === "semantic") return semantic(limit);
  const depth = Math.max(limit, FUSION_DEPTH);
  const [keyword, meaning] = await Promise.all([repo.keyword(scope, q, depth), semantic(depth)]);
  return fuseRankings([keyword, meaning], limit);
}

export function searchService(ctx: AppContext) {
  const cards = cardRepository(ctx.database.db);
  const media = mediaFor(ctx);
  return {
    async search(actor: OrgActor, input: { q: string; mode: SearchMode; limit: number; deckId?: string }) {
      if (input.deckId) assertVisible(await cards.findDeck(input.deckId), actor, "The deck");
      const hits = await rankCards(ctx.database, { orgId: actor.orgId, deckId: input.deckId }, input.q, input.mode, input.limit);
      const rows = new Map((await cards.findCards(hits.map((h) => h.id))).map((r) => [r.id, r]));
      return hits.filter((h) => rows.has(h.id)).map((h) => ({ card: presentCard(rows.get(h.id)!, media), score: h.score }));
    },
  };
}
