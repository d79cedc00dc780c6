import { EMOTIONS, type Emotion, type TextAnalysis } from "./types";
import type { LabelledExample } from "./dataset";

export interface Scorecard {
  accuracy: number;
  macroF1: number;
  valenceSignAccuracy: number;
}

/** vader's own thresholds for "neutral", used for every system so the comparison is even. */
export const NEUTRAL_BAND = 0.05;

export function valenceSign(valence: number): -1 | 0 | 1 {
  if (valence >= NEUTRAL_BAND) return 1;
  if (valence <= -NEUTRAL_BAND) return -1;
  return 0;
}

/** Macro-F1 over the six emotions; an "unknown" prediction counts as wrong for its true class. */
export function macroF1(truth: readonly Emotion[], predicted: readonly (Emotion | "unknown")[]): number {
  let total = 0;
  for (const e of EMOTIONS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      const p = predicted[i];
      if (p === e && t === e) tp += 1;
      else if (p === e) fp += 1;
      else if (t === e) fn += 1;
    });
    total += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return total / EMOTIONS.length;
}

export function score(examples: readonly LabelledExample[], answers: readonly Pick<TextAnalysis, "dominant" | "valence">[]): Scorecard {
  const truth = examples.map((e) => e.emotion);
  const predicted = answers.map((a) => a.dominant);
  const right = truth.filter((t, i) => predicted[i] === t).length;
  const signRight = examples.filter((e, i) => valenceSign(answers[i].valence) === e.valence).length;
  return {
    accuracy: right / examples.length,
    macroF1: macroF1(truth, predicted),
    valenceSignAccuracy: signRight / examples.length,
  };
}
