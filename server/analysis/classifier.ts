import { readFileSync } from "node:fs";
import { z } from "zod";
import { EMOTIONS, type EmotionScores, zeroEmotions } from "./types";
import { predictProbabilities, type SoftmaxModel } from "./softmax";
import { lexiconFeatures } from "./features";
import type { LexiconResult } from "./lexicon";
import type { PolarityScores } from "vader-sentiment";

export const MODEL_URL = new URL("./model/emotion-model.json", import.meta.url);

const modelFileSchema = z.object({
  name: z.string(),
  version: z.string(),
  embedding: z.string(),
  featureNames: z.array(z.string()),
  hyperparameters: z.record(z.string(), z.number()),
  model: z.object({
    labels: z.array(z.enum(EMOTIONS)),
    mean: z.array(z.number()),
    std: z.array(z.number()),
    weights: z.array(z.array(z.number())),
    bias: z.array(z.number()),
  }),
  metrics: z.record(z.string(), z.number()).optional(),
});

export type EmotionModelFile = z.infer<typeof modelFileSchema>;

let cached: EmotionModelFile | undefined;

/** The committed weights, read once; training never happens at request time. */
export function loadEmotionModel(url: URL = MODEL_URL): EmotionModelFile {
  if (cached && url === MODEL_URL) return cached;
  const parsed = modelFileSchema.parse(JSON.parse(readFileSync(url, "utf8")));
  const width = parsed.model.mean.length;
  if (parsed.model.weights.some((row) => row.length !== width) || parsed.model.weights.length !== parsed.model.labels.length) {
    throw new Error("emotion model: weight matrix does not match its labels and features");
  }
  if (url === MODEL_URL) cached = parsed;
  return parsed;
}

export function classifierFeatures(
  embedding: readonly number[],
  text: string,
  lexicon: LexiconResult,
  polarity: PolarityScores,
): number[] {
  return [...embedding, ...lexiconFeatures(text, lexicon, polarity)];
}

export function classifyEmotions(model: SoftmaxModel, features: readonly number[]): EmotionScores {
  const p = predictProbabilities(model, features);
  const out = zeroEmotions();
  model.labels.forEach((label, k) => {
    out[label as (typeof EMOTIONS)[number]] = p[k];
  });
  return out;
}
