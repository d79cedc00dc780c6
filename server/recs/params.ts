import { z } from "zod";

/**
 * The recommender's knobs. Experiments override any of them per arm, so every field has a
 * default and a range; a model row stores the set it was trained and served with.
 */
export const RecsParams = z.object({
  /** Weight of closeness in meaning between the person's words and the card. */
  contentWeight: z.number().min(0).max(5).default(0.55),
  /** Weight of what people in the organisation kept alongside, or for similar topics. */
  collabWeight: z.number().min(0).max(5).default(0.35),
  /** Weight of the Thompson draw: how much room new and rarely shown cards get. */
  explorationWeight: z.number().min(0).max(5).default(0.12),
  /** Taken off a card this person was shown or held recently. */
  seenPenalty: z.number().min(0).max(5).default(0.3),
  /** MMR trade-off: 1 ranks by score only, lower values spread the list across themes. */
  diversityLambda: z.number().min(0).max(1).default(0.8),
  /** How much an exposure without a positive signal counts against a card. */
  exposureFailureWeight: z.number().min(0).max(1).default(0.2),
  /** Neighbours kept per card from co-occurrence. */
  neighbours: z.number().int().min(1).max(100).default(20),
  /** A past topic counts towards "people working on …" above this similarity. */
  topicSimilarity: z.number().min(0).max(1).default(0.5),
  /** Candidates taken by meaning before re-ranking. */
  contentDepth: z.number().int().min(10).max(500).default(80),
});
export type RecsParams = z.infer<typeof RecsParams>;

export const DEFAULT_PARAMS: RecsParams = RecsParams.parse({});

/** Experiment arms and stored models carry partial, untrusted objects; unknown or bad fields fall back. */
export function paramsFrom(overrides: unknown): RecsParams {
  const base: Record<string, unknown> = { ...DEFAULT_PARAMS };
  if (overrides && typeof overrides === "object") {
    for (const [k, v] of Object.entries(overrides)) if (k in DEFAULT_PARAMS && typeof v === "number") base[k] = v;
  }
  const parsed = RecsParams.safeParse(base);
  return parsed.success ? parsed.data : DEFAULT_PARAMS;
}

export const MODEL_NAME = "hybrid";

/** Signals that count for a card (a success) and against it (a failure). */
export const POSITIVE_SIGNALS = new Set(["chosen", "kept", "resonant", "helpful"]);
export const NEGATIVE_SIGNALS = new Set(["swapped", "not-resonant", "not-helpful"]);
