import type { FastifyBaseLogger } from "fastify";
import { getEmbedder, type Embedder } from "../ai/embeddings";
import type { AppContext } from "../context";
import type { Database } from "../db/client";
import { Gauge } from "prom-client";
import { DEFAULT_CARD_SITUATIONS } from "../../content/index";
import { combineVectors, EMBEDDING_VERSION, embeddingPartsOf } from "./text";

const BATCH = 32;
// Other nodes may write cards too; a slow poll picks those up without any coordination.
const POLL_MS = 60_000;
const RETRY_MS = 30_000;

interface PendingRow {
  id: string;
  word: string;
  description: string | null;
  tags: string[];
  updated_at: string;
}

/** A real[] literal; numbers keep full float precision. */
export const realArrayLiteral = (v: readonly number[]) => `{${v.join(",")}}`;

/**
 * Computes card embeddings in the background. Writes only mark a card as needing one
 * (embedding NULL) and kick this; the request never waits for the model. Because the work
 * list is the table itself, a crash loses nothing: the next boot finds the same rows.
 */
export class EmbeddingIndexer {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  /** Cards embedded since start; tests and metrics read it. */
  embedded = 0;

  constructor(
    private readonly database: Database,
    private readonly log: Pick<FastifyBaseLogger, "warn">,
    private readonly embedder: () => Promise<Embedder> = getEmbedder,
  ) {}

  /** Boot: vectors from an older recipe are recomputed, then whatever is missing. */
  async start(): Promise<void> {
    await this.database.query("UPDATE cards SET embedding = NULL WHERE embedding IS NOT NULL AND embedding_model IS DISTINCT FROM $1", [EMBEDDING_VERSION]);
    this.kick();
  }

  /** Asks for a pass soon; cheap to call on every write. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.loop().finally(() => {
      this.running = null;
      this.schedule(POLL_MS);
    });
  }

  /** True while a pass is computing or writing vectors. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Resolves once every card written so far has its embedding (or the indexer stopped). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.idle();
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.clearTimer();
    this.timer = setTimeout(() => this.kick(), ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        this.again = false;
        if (this.stopped) return;
        const done = await this.pass();
        if (done && !this.again) return;
      }
    } catch (err) {
      // The model or the database is unavailable for now; the rows stay NULL and are retried.
      if (!this.stopped) this.log.warn({ err }, "card embeddings could not be computed; retrying later");
      this.schedule(RETRY_MS);
      // Keep kicks from restarting immediately into the same failure.
      this.again = false;
    }
  }

  /** Embeds one batch; true when nothing was left to do. */
  private async pass(): Promise<boolean> {
    const rows = await this.database.query<PendingRow>(
      "SELECT id, word, description, tags, updated_at::text AS updated_at FROM cards WHERE embedding IS NULL ORDER BY updated_at LIMIT $1",
      [BATCH],
    );
    if (rows.length === 0) return true;
    const embedder = await this.embedder();
    const parts = rows.map((r) => embeddingPartsOf({ word: r.word, description: r.description, tags: r.tags ?? [], situations: DEFAULT_CARD_SITUATIONS.get(r.id) }));
    // One call for the whole batch: themes repeat across cards and the embedder encodes each text once.
    const flat = await embedder.embed(parts.flatMap((p) => p.map((x) => x.text)));
    let at = 0;
    const vectors = parts.map((p) => {
      const own = flat.slice(at, (at += p.length));
      return combineVectors(own, p.map((x) => x.weight));
    });
    for (let i = 0; i < rows.length; i++) {
      if (this.stopped) return true;
      // Guarded by updated_at: a card edited while its text was being embedded keeps NULL and is redone.
      await this.database.query(
        "UPDATE cards SET embedding = $1::real[], embedding_model = $2 WHERE id = $3 AND embedding IS NULL AND updated_at = $4::timestamptz",
        [realArrayLiteral(vectors[i]), EMBEDDING_VERSION, rows[i].id, rows[i].updated_at],
      );
    }
    this.embedded += rows.length;
    return rows.length < BATCH;
  }
}

const indexers = new WeakMap<AppContext, EmbeddingIndexer>();

/** The app's indexer, created once and drained when the app closes. */
export function indexerFor(ctx: AppContext): EmbeddingIndexer {
  let indexer = indexers.get(ctx);
  if (!indexer) {
    const created = new EmbeddingIndexer(ctx.database, ctx.log);
    ctx.onClose(() => created.stop());
    // Operators (and CI, before measuring pages) can see when background indexing has settled.
    new Gauge({
      name: "card_embedding_indexer_busy",
      help: "1 while card embeddings are being computed in the background, else 0",
      registers: [ctx.metrics.registry],
      collect() {
        this.set(created.busy ? 1 : 0);
      },
    });
    indexers.set(ctx, created);
    indexer = created;
  }
  return indexer;
}

/** Embeds every card that lacks a vector and returns when done (test templates, scripts, benchmarks). */
export async function embedPendingCards(database: Database): Promise<number> {
  let failure: unknown;
  const indexer = new EmbeddingIndexer(database, { warn: (obj: unknown) => void (failure = obj) });
  await indexer.start();
  await indexer.idle();
  await indexer.stop();
  if (failure) throw new Error("Card embeddings could not be computed", { cause: failure });
  return indexer.embedded;
}
