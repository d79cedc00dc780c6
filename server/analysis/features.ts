import type { PolarityScores } from "vader-sentiment";
import { EMOTIONS } from "./types";
import type { LexiconResult } from "./lexicon";
import { polarityScores } from "./vader";

export const LEXICON_FEATURE_NAMES = [
  ...EMOTIONS.map((e) => `lexicon_${e}`),
  "lexicon_hits",
  "lexicon_negations",
  "exclamations",
  "question",
  "vader_compound",
  "vader_positive",
  "vader_negative",
] as const;

/** Texts beyond this are analysed by their beginning; the contract caps input at 5,000 characters anyway. */
export const MAX_ANALYSED_CHARS = 5_000;

export function clip(text: string): string {
  return text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
}

export function vaderScores(text: string): PolarityScores {
  const scores = polarityScores(text);
  // vader can answer NaN for inputs without words; treat that as neutral.
  return Number.isFinite(scores.compound) ? scores : { neg: 0, neu: 1, pos: 0, compound: 0 };
}

/**
 * Hand-made signals that sit beside the sentence embedding: they carry negation and the exact
 * emotion words, which a general-purpose sentence encoder blurs.
 */
export function lexiconFeatures(text: string, lexicon: LexiconResult, polarity: PolarityScores): number[] {
  const exclamations = (text.match(/!/g) ?? []).length;
  return [
    ...EMOTIONS.map((e) => Math.log1p(lexicon.scores[e])),
    Math.log1p(lexicon.hits),
    Math.min(lexicon.negations, 3),
    Math.min(exclamations, 3) / 3,
    text.includes("?") ? 1 : 0,
    polarity.compound,
    polarity.pos,
    polarity.neg,
  ];
}
