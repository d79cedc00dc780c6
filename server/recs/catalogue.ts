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

  constructor(private readonly database: Database) {}

  /** Ids of the cards this organisation can be shown (its own and the defaults), cached briefly. */
  visibleIds(orgId: string): Promise<string[]> {
    const hit = this.visible.get(orgId);
    if (hit && Date.now() - hit.at < VISIBLE_TTL_MS) return hit.ids;
    const ids = recsRepository(this.database.db).visibleCardIds(orgId);
    this.visible.set(orgId, { at: Date.now(), ids });
    ids.catch(() => this.visible.delete(orgId));
    return ids;
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

  forget(orgId?: string): void {
    if (orgId) this.visible.delete(orgId);
    else this.visible.clear();
    this.features.clear();
  }
}
