import { describe, expect, it } from "vitest";
import { cosine, getEmbedder, loadEmbedder, loadFirstAvailable, normalize, type Embedder, type EmbeddingRuntime } from "./embeddings";
import { padBatch } from "./use-onnx";

describe("sentence embeddings", () => {
  it("loads once and returns 512-d unit vectors in input order", async () => {
    const [a, b] = await Promise.all([getEmbedder(), getEmbedder()]);
    expect(a).toBe(b);
    const [cat, feline, invoice] = await a.embed(["The cat sleeps on the sofa.", "A kitten naps on the couch.", "Please pay the invoice by Friday."]);
    for (const v of [cat, feline, invoice]) {
      expect(v).toHaveLength(512);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    expect(cosine(cat, feline)).toBeGreaterThan(cosine(cat, invoice));
  });

  it("keeps positions when some inputs are empty or repeated", async () => {
    const embedder = await getEmbedder();
    const [first, empty, again, last] = await embedder.embed(["I feel calm.", "", "I feel calm.", "I feel scared."]);
    expect(empty.every((x) => x === 0)).toBe(true);
    expect(again).toEqual(first);
    expect(cosine(first, last)).toBeLessThan(0.999);
  });

  it("answers repeated texts from the cache and handles more than one batch", async () => {
    const embedder = await getEmbedder();
    const texts = Array.from({ length: 70 }, (_, i) => `Reflection number ${i} about the open door card.`);
    const first = await embedder.embed(texts);
    const started = performance.now();
    const second = await embedder.embed(texts);
    expect(performance.now() - started).toBeLessThan(50);
    expect(second).toEqual(first);
    expect(new Set(first.map((v) => v[0])).size).toBeGreaterThan(1);
  });

  it("runs on the native runtime here, and gives the same vectors as the packaged TensorFlow.js graph", async () => {
    const native = await getEmbedder();
    expect(native.runtime).toBe("onnxruntime");
    const wasm = await loadEmbedder("tfjs-wasm");
    expect(wasm.runtime).toBe("tfjs-wasm");
    // Short and long texts in one batch (padding and the attention mask matter), unknown
    // pieces, other scripts, and a text longer than the model's 128 tokens.
    const long = Array.from({ length: 60 }, (_, i) => `word${i} and more`).join(" ");
    const texts = [
      "x",
      "I keep circling the same question and I don't know why.",
      "Two job offers, and my heart says neither.",
      "Qwxzrtp vlorbmf!!! ???",
      "שלום, אני מרגישה רגועה היום",
      "The photo of the open door reminds me that I can still choose, even now, even after everything that happened this year.",
      long,
    ];
    const [a, b] = await Promise.all([native.embed(texts), wasm.embed(texts)]);
    texts.forEach((_, i) => expect(cosine(a[i], b[i])).toBeGreaterThan(0.99999));
    // Batching does not change a text's vector: alone it matches its place in the batch.
    const alone = await loadEmbedder("onnxruntime");
    const [single] = await alone.embed([texts[1]]);
    expect(cosine(single, a[1])).toBeGreaterThan(0.99999);
  });

  it("falls back to WebAssembly, with a warning naming the reason, when the native runtime cannot load", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      const tried: EmbeddingRuntime[] = [];
      const embedder = await loadFirstAvailable(["onnxruntime", "tfjs-wasm"], async (runtime) => {
        tried.push(runtime);
        if (runtime === "onnxruntime") throw new Error("libonnxruntime.so.1: cannot open shared object file");
        return { dimensions: 512, runtime, embed: async (texts: string[]) => texts.map(() => new Array<number>(512).fill(0)) } satisfies Embedder;
      });
      expect(tried).toEqual(["onnxruntime", "tfjs-wasm"]);
      expect(embedder.runtime).toBe("tfjs-wasm");
      await new Promise((r) => setImmediate(r));
      expect(warnings.join("\n")).toContain("onnxruntime unavailable: libonnxruntime.so.1");
      await expect(loadFirstAvailable(["onnxruntime"], () => Promise.reject(new Error("no runtime")))).rejects.toThrow("no runtime");
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("pads a batch to its longest text and masks the padding, dropping tokens past 128", () => {
    const { ids, mask, length } = padBatch([[5, 6, 7], [9], Array.from({ length: 200 }, (_, i) => i + 1)]);
    expect(length).toBe(128);
    expect(Array.from(mask.subarray(0, 4))).toEqual([1, 1, 1, 0]);
    expect(ids[128]).toBe(9n);
    expect(mask[129]).toBe(0);
    expect(ids[2 * 128 + 127]).toBe(128n);
    expect(padBatch([]).length).toBe(1);
  });

  it("computes cosine and normalisation safely", () => {
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1);
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(normalize([3, 4])).toEqual([0.6, 0.8]);
    expect(normalize([0, 0])).toEqual([0, 0]);
  });
});
