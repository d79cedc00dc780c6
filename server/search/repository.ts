import { sql, type SQL } from "drizzle-orm";
import type { Database, Db } from "../db/client";

export interface SearchScope {
  /** The caller's organisation; null searches the studio's default content only. */
  orgId: string | null;
  deckId?: string;
}
export interface Hit {
  id: string;
  score: number;
}
export interface VectorSupport {
  /** The `vector` extension and the HNSW expression index exist. */
  hnsw: boolean;
  /** pgvector ≥ 0.8 can keep scanning the graph until filtered results fill the limit. */
  iterativeScan: boolean;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Visible, live cards: not archived, not in an archived deck, the defaults or the caller's own. */
function scopeSql(s: SearchScope): SQL {
  const parts = [
    sql`c.archived_at IS NULL`,
    sql`c.deck_id NOT IN (SELECT d.id FROM decks d WHERE d.archived_at IS NOT NULL)`,
    s.orgId ? sql`(c.org_id IS NULL OR c.org_id = ${s.orgId}::uuid)` : sql`c.org_id IS NULL`,
  ];
  if (s.deckId) parts.push(sql`c.deck_id = ${s.deckId}::uuid`);
  return sql.join(parts, sql` AND `);
}

/** "feeling stuck at work" → "feeling or stuck or work": any word may match; more matches rank higher. */
export function anyWordQuery(q: string): string {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
  return [...new Set(words)].filter((w) => w !== "or").join(" or ");
}

const vectorSupport = new WeakMap<Database, Promise<VectorSupport>>();

/** Asked once per database: the answer only changes with a migration, which needs a restart. */
export function detectVectorSupport(database: Database): Promise<VectorSupport> {
  let found = vectorSupport.get(database);
  if (!found) {
    found = database
      .query<{ version: string | null; indexed: boolean }>(
        `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS version,
                EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'cards_embedding_hnsw') AS indexed`,
      )
      .then(([row]) => {
        const [major, minor] = (row?.version ?? "0.0").split(".").map(Number);
        return { hnsw: Boolean(row?.version) && Boolean(row?.indexed), iterativeScan: major > 0 || minor >= 8 };
      });
    vectorSupport.set(database, found);
  }
  return found;
}

export function searchRepository(db: Db) {
  return {
    async keyword(scope: SearchScope, q: string, limit: number): Promise<Hit[]> {
      const terms = anyWordQuery(q);
      if (!terms) return [];
      // search_vector is search_text parsed at write time (the word weighted A), so neither the
      // match nor the rank re-parses card text.
      const result = await db.execute(sql`
        SELECT c.id, ts_rank(c.search_vector, q)::float8 AS score
        FROM cards c, websearch_to_tsquery('english', ${terms}) q
        WHERE c.search_vector @@ q AND ${scopeSql(scope)}
        ORDER BY score DESC, c.id
        LIMIT ${limit}`);
      return rowsOf<Hit>(result).map((r) => ({ id: r.id, score: Number(r.score) }));
    },

    /** How many embedded cards the caller could see: decides between the graph and a plain scan. */
    async countVisible(scope: SearchScope): Promise<number> {
      const result = await db.execute(sql`SELECT count(*)::int AS n FROM cards c WHERE c.embedding IS NOT NULL AND ${scopeSql(scope)}`);
      return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    },

    /** Nearest cards through the HNSW index; cosine similarity = 1 − cosine distance. */
    async semanticIndexed(scope: SearchScope, vector: string, limit: number, support: VectorSupport): Promise<Hit[]> {
      // Filters are applied after the graph walk; a wider beam (and, where supported, an
      // iterative scan) keeps an organisation's cards from being crowded out by everyone else's.
      const efSearch = String(Math.min(1000, Math.max(100, limit * 2)));
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('hnsw.ef_search', ${efSearch}, true)`);
        if (support.iterativeScan) await tx.execute(sql`SELECT set_config('hnsw.iterative_scan', 'strict_order', true)`);
        const result = await tx.execute(sql`
          SELECT c.id, (1 - (c.embedding::vector(512) <=> ${vector}::vector))::float8 AS score
          FROM cards c
          WHERE c.embedding IS NOT NULL AND ${scopeSql(scope)}
          ORDER BY c.embedding::vector(512) <=> ${vector}::vector
          LIMIT ${limit}`);
        return rowsOf<Hit>(result).map((r) => ({ id: r.id, score: Number(r.score) || 0 }));
      });
    },

    /**
     * Exact nearest cards with pgvector's distance but without the graph: for a small visible
     * set (one organisation's decks) scanning it is cheaper than walking a graph of everyone's.
     */
    async semanticVectorScan(scope: SearchScope, vector: string, limit: number): Promise<Hit[]> {
      // "+ 0" makes the sort key differ from the index expression, so the planner cannot pick the graph.
      const result = await db.execute(sql`
        SELECT c.id, (1 - (c.embedding::vector(512) <=> ${vector}::vector))::float8 AS score
        FROM cards c
        WHERE c.embedding IS NOT NULL AND ${scopeSql(scope)}
        ORDER BY (c.embedding::vector(512) <=> ${vector}::vector) + 0, c.id
        LIMIT ${limit}`);
      return rowsOf<Hit>(result).map((r) => ({ id: r.id, score: Number(r.score) || 0 }));
    },

    /** The same ranking without pgvector: embeddings are unit-length, so cosine is the dot product. */
    async semanticExact(scope: SearchScope, realArray: string, limit: number): Promise<Hit[]> {
      const result = await db.execute(sql`
        SELECT c.id, (SELECT sum(a::float8 * b::float8) FROM unnest(c.embedding, ${realArray}::real[]) AS t(a, b)) AS score
        FROM cards c
        WHERE c.embedding IS NOT NULL AND ${scopeSql(scope)}
        ORDER BY score DESC NULLS LAST, c.id
        LIMIT ${limit}`);
      return rowsOf<Hit>(result).map((r) => ({ id: r.id, score: Number(r.score) || 0 }));
    },
  };
}
