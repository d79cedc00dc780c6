/**
 * Trains the text emotion classifier on the training split of server/analysis/data/emotions.jsonl
 * and writes server/analysis/model/emotion-model.json. Deterministic: a fixed seed for the
 * cross-validation folds and full-batch gradient descent from zero weights.
 *
 *   npx tsx scripts/train-emotion.ts
 */
import { writeFileSync } from "node:fs";
import { loadDataset } from "../server/analysis/dataset";
import { featuresFor } from "../server/analysis/pipeline";
import { MODEL_URL } from "../server/analysis/classifier";
import { LEXICON_FEATURE_NAMES } from "../server/analysis/features";
import { predictProbabilities, roundModel, trainSoftmax, type TrainOptions } from "../server/analysis/softmax";
import { EMOTIONS } from "../server/analysis/types";

const SEED = 20240611;
const FOLDS = 5;
const L2_GRID = [0.03, 0.1, 0.3];
// Penalty on the lexicon and vader features relative to the embedding dimensions.
const LEXICON_PENALTY_GRID = [1, 0.1, 0.01];
const EMBEDDING_WIDTH = 512;
const BASE: Omit<TrainOptions, "l2"> = { epochs: 250, learningRate: 0.05, momentum: 0.9 };

/** mulberry32: small, seedable, good enough to shuffle folds reproducibly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function accuracy(rows: number[][], labels: number[], model: ReturnType<typeof trainSoftmax>): number {
  let right = 0;
  rows.forEach((r, i) => {
    const p = predictProbabilities(model, r);
    if (p.indexOf(Math.max(...p)) === labels[i]) right += 1;
  });
  return right / rows.length;
}

async function main(): Promise<void> {
  const started = performance.now();
  const data = loadDataset();
  const train = data.filter((d) => d.split === "train");
  const test = data.filter((d) => d.split === "test");
  const classes = [...EMOTIONS];
  const xTrain = await featuresFor(train.map((d) => d.text));
  const yTrain = train.map((d) => classes.indexOf(d.emotion));
  const xTest = await featuresFor(test.map((d) => d.text));
  const yTest = test.map((d) => classes.indexOf(d.emotion));
  console.log(`features for ${data.length} sentences in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Stratified folds: shuffle each class with the seed, then deal its members round-robin.
  const random = seeded(SEED);
  const fold = new Array<number>(train.length);
  for (let c = 0; c < classes.length; c++) {
    const members = yTrain.flatMap((y, i) => (y === c ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((m, i) => (fold[m] = i % FOLDS));
  }

  const width = xTrain[0].length;
  const penaltyFor = (lexiconPenalty: number): number[] =>
    Array.from({ length: width }, (_, j) => (j < EMBEDDING_WIDTH ? 1 : lexiconPenalty));
  let best = { l2: L2_GRID[0], lexiconPenalty: 1 };
  let bestScore = -1;
  for (const l2 of L2_GRID) for (const lexiconPenalty of LEXICON_PENALTY_GRID) {
    let total = 0;
    for (let f = 0; f < FOLDS; f++) {
      const inTrain = fold.map((g) => g !== f);
      const model = trainSoftmax(
        xTrain.filter((_, i) => inTrain[i]),
        yTrain.filter((_, i) => inTrain[i]),
        classes,
        { ...BASE, l2, penaltyScale: penaltyFor(lexiconPenalty) },
      );
      total += accuracy(
        xTrain.filter((_, i) => !inTrain[i]),
        yTrain.filter((_, i) => !inTrain[i]),
        model,
      );
    }
    const score = total / FOLDS;
    console.log(`l2=${l2} lexicon×${lexiconPenalty}: cross-validated accuracy ${(score * 100).toFixed(1)}%`);
    if (score > bestScore) {
      bestScore = score;
      best = { l2, lexiconPenalty };
    }
  }

  const model = roundModel(trainSoftmax(xTrain, yTrain, classes, { ...BASE, l2: best.l2, penaltyScale: penaltyFor(best.lexiconPenalty) }));
  const testAccuracy = accuracy(xTest, yTest, model);
  const file = {
    name: "text-emotion-softmax",
    version: "1.0.0",
    embedding: "universal-sentence-encoder-lite-512",
    featureNames: [...Array.from({ length: 512 }, (_, i) => `embedding_${i}`), ...LEXICON_FEATURE_NAMES],
    hyperparameters: { ...BASE, ...best, seed: SEED, folds: FOLDS, trainSize: train.length, testSize: test.length },
    model,
    metrics: { crossValidatedAccuracy: Number(bestScore.toFixed(4)), testAccuracy: Number(testAccuracy.toFixed(4)) },
  };
  writeFileSync(MODEL_URL, JSON.stringify(file) + "\n");
  console.log(`l2=${best.l2} lexicon×${best.lexiconPenalty}; held-out accuracy ${(testAccuracy * 100).toFixed(1)}%; wrote ${MODEL_URL.pathname}`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
