/** Multinomial logistic regression: the model format, prediction and full-batch training. */

export interface SoftmaxModel {
  labels: string[];
  /** Per-feature mean and standard deviation from the training split, applied before the weights. */
  mean: number[];
  std: number[];
  /** weights[k][j]: class k, feature j. */
  weights: number[][];
  bias: number[];
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty on the weights (not the bias). */
  l2: number;
  /** Multiplies the L2 penalty per feature, so a few strong hand-made features are not shrunk like 512 embedding dimensions. */
  penaltyScale?: readonly number[];
  momentum?: number;
}

export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function standardize(x: readonly number[], mean: readonly number[], std: readonly number[]): number[] {
  return x.map((v, j) => (v - mean[j]) / std[j]);
}

export function predictProbabilities(model: SoftmaxModel, features: readonly number[]): number[] {
  const x = standardize(features, model.mean, model.std);
  const logits = model.weights.map((w, k) => {
    let z = model.bias[k];
    for (let j = 0; j < x.length; j++) z += w[j] * x[j];
    return z;
  });
  return softmax(logits);
}

export function featureStats(rows: readonly number[][]): { mean: number[]; std: number[] } {
  const d = rows[0].length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) std[j] += (r[j] - mean[j]) ** 2 / rows.length;
  // A constant feature would divide by zero; 1 leaves it at 0 after centring.
  return { mean, std: std.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/**
 * Full-batch gradient descent with momentum from zero weights: no randomness, so the same
 * data always gives the same model.
 */
export function trainSoftmax(rows: readonly number[][], labels: readonly number[], classes: string[], options: TrainOptions): SoftmaxModel {
  const { mean, std } = featureStats(rows);
  const x = rows.map((r) => Float64Array.from(standardize(r, mean, std)));
  const n = x.length;
  const d = x[0].length;
  const k = classes.length;
  const w = Array.from({ length: k }, () => new Float64Array(d));
  const b = new Float64Array(k);
  const vw = Array.from({ length: k }, () => new Float64Array(d));
  const vb = new Float64Array(k);
  const momentum = options.momentum ?? 0.9;
  const gw = Array.from({ length: k }, () => new Float64Array(d));
  const gb = new Float64Array(k);
  const logits = new Float64Array(k);
  const penalty = Float64Array.from({ length: d }, (_, j) => options.l2 * (options.penaltyScale?.[j] ?? 1));

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let c = 0; c < k; c++) {
      gw[c].fill(0);
      gb[c] = 0;
    }
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let z = b[c];
        const wc = w[c];
        for (let j = 0; j < d; j++) z += wc[j] * xi[j];
        logits[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
      }
      for (let c = 0; c < k; c++) {
        const err = logits[c] / sum - (labels[i] === c ? 1 : 0);
        gb[c] += err / n;
        const g = gw[c];
        for (let j = 0; j < d; j++) g[j] += (err * xi[j]) / n;
      }
    }
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        vw[c][j] = momentum * vw[c][j] - options.learningRate * (gw[c][j] + penalty[j] * w[c][j]);
        w[c][j] += vw[c][j];
      }
      vb[c] = momentum * vb[c] - options.learningRate * gb[c];
      b[c] += vb[c];
    }
  }
  return { labels: classes, mean, std, weights: w.map((r) => Array.from(r)), bias: Array.from(b) };
}

/** Five significant digits keeps the committed file small without changing any prediction we measure. */
export function roundModel(model: SoftmaxModel): SoftmaxModel {
  const r = (v: number): number => Number(v.toPrecision(5));
  return {
    labels: model.labels,
    mean: model.mean.map(r),
    std: model.std.map(r),
    weights: model.weights.map((row) => row.map(r)),
    bias: model.bias.map(r),
  };
}
