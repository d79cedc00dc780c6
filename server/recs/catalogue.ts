import { cardRepository, type CardRow } from "../cards/repository";
import type { Database } from "../db/client";
import { detectVectorSupport, searchRepository, type Hit, type SearchScope } from "../search/repository";
import type { Candidate } from "./ranking";
import { recsRepository } from "./repository";

/**
 * Below this many visible cards a plain scan with pgvector's distance beats the graph walk
 * (the same threshold card search measured in bench/search.ts).
 */
const SCAN_BELOW = 2_000;
const VISIBLE_TTL_MS = 60_000;
const FEATURE_CACHE = 30_000;
const ROW_TTL_MS = 60_000;
/** Up to this many visible cards, nearest-by-meaning is a scan over vectors already in memory. */
const MEMORY_SCAN_UP_TO = 20_000;

/**
 * Nearest cards to a vector on either engine, through card search's repository: the HNSW index
 * or a vector scan where pgvector exists, the exact cosine over real[] where it does not.
 */
export async function nearestCards(database: Database, scope: SearchScope, vector: readonly number[] | Float32Array, depth: number): Promise<Hit[]> {
  const repo = searchRepository(database.db);
  const support = await detectVectorSupport(database);
  const values = Array.from(vector);
  if (!support.hnsw) return repo.semanticExact(scope, `{${values.join(",")}}`, depth);
  const literal = `[${values.join(",")}]`;
  if ((await repo.countVisible(scope)) < SCAN_BELOW) return repo.semanticVectorScan(scope, literal, depth);
  return repo.semanticIndexed(scope, literal, depth, support);
}

interface Features {
  vector: Float32Array | null;
  tags: string[];
}

/**
 * What ranking needs per card, kept in memory: parsing 512 floats per card per request would
 * be most of a request's time. Card edits re-embed in the background; a stale vector for up to
 * the cache's lifetime only nudges a score.
 */
export class CardCatalogue {
  private readonly features = new Map<string, Features>();
  private readonly visible = new Map<string, { at: number; ids: Promise<string[]> }>();
  private readonly rows = new Map<string, { at: number; row: CardRow }>();

  constructor(private readonly database: Database) {}

  /** Ids of the cards this organisation can be shown (its own and the defaults), cached briefly. */
  visibleIds(orgId: string): Promise<string[]> {
    const hit = this.visible.get(orgId);
    if (hit && Date.now() - hit.at < VISIBLE_TTL_MS) return hit.ids;
    const ids = recsRepository(this.database.db).visibleCardIds(orgId);
    ids.catch(() => this.visible.delete(orgId));
    if (!hit) {
      this.visible.set(orgId, { at: Date.now(), ids });
      return ids;
    }
    // Stale: answer from the previous list while the fresh one loads.
    hit.at = Date.now();
    void ids.then((fresh) => this.visible.set(orgId, { at: Date.now(), ids: Promise.resolve(fresh) })).catch(() => undefined);
    return hit.ids;
  }

  async candidates(ids: readonly string[]): Promise<Candidate[]> {
    const missing = ids.filter((id) => !this.features.has(id));
    if (missing.length) {
      for (const row of await recsRepository(this.database.db).cardFeatures(missing)) {
        this.features.set(row.id, { vector: row.embedding ? Float32Array.from(row.embedding) : null, tags: row.tags ?? [] });
      }
      // Oldest first out: a Map iterates in insertion order.
      while (this.features.size > FEATURE_CACHE) this.features.delete(this.features.keys().next().value!);
    }
    return ids.flatMap((id) => {
      const f = this.features.get(id);
      return f ? [{ id, vector: f.vector, tags: f.tags }] : [];
    });
  }

  /**
   * Nearest visible cards to a unit vector. The organisation's vectors are in memory after its
   * first suggestion, and a dot product over them beats a database round trip (on PGlite, ~20 ms
   * for the vector scan alone); for a library too large to hold, card search's SQL answers.
   */
  async nearest(orgId: string, vector: Float32Array, depth: number): Promise<Hit[]> {
    const visible = await this.visibleIds(orgId);
    if (visible.length > MEMORY_SCAN_UP_TO) return nearestCards(this.database, { orgId }, vector, depth);
    const hits: Hit[] = [];
    for (const c of await this.candidates(visible)) {
      if (!c.vector) continue;
      let s = 0;
      for (let k = 0; k < vector.length; k++) s += vector[k] * c.vector[k];
      hits.push({ id: c.id, score: s });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, depth);
  }

  /** Card rows for presenting, cached briefly: an edit shows in suggestions within a minute. */
  async cardRows(ids: readonly string[]): Promise<Map<string, CardRow>> {
    const now = Date.now();
    const out = new Map<string, CardRow>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.rows.get(id);
      if (hit && now - hit.at < ROW_TTL_MS) out.set(id, hit.row);
      else missing.push(id);
    }
    if (missing.length) {
      for (const row of await cardRepository(this.database.db).findCards(missing)) {
        this.rows.set(row.id, { at: now, row });
        out.set(row.id, row);
      }
      while (this.rows.size > FEATURE_CACHE) this.rows.delete(this.rows.keys().next().value!);
    }
    return out;
  }

  forget(orgId?: string): void {
    if (orgId) this.visible.delete(orgId);
    else this.visible.clear();
    this.features.clear();
    this.rows.clear();
  }
}
