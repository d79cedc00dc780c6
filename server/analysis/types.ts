export const EMOTIONS = ["joy", "sadness", "anger", "fear", "surprise", "calm"] as const;
export type Emotion = (typeof EMOTIONS)[number];
export type EmotionScores = Record<Emotion, number>;

export const LANGUAGES = ["en", "he", "es", "und"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The answer of `POST /api/analysis/text`. */
export interface TextAnalysis {
  /** −1 (very negative) … 1 (very positive). */
  valence: number;
  /** Probabilities over the six emotions; they sum to 1 (up to rounding). */
  emotions: EmotionScores;
  /** The most probable emotion, or "unknown" when the text or its language gives nothing to go on. */
  dominant: Emotion | "unknown";
  language: Language;
}

export function flatEmotions(): EmotionScores {
  const p = 1 / EMOTIONS.length;
  return { joy: p, sadness: p, anger: p, fear: p, surprise: p, calm: p };
}

export function zeroEmotions(): EmotionScores {
  return { joy: 0, sadness: 0, anger: 0, fear: 0, surprise: 0, calm: 0 };
}

export function argmaxEmotion(scores: EmotionScores): Emotion {
  let best: Emotion = EMOTIONS[0];
  for (const e of EMOTIONS) if (scores[e] > scores[best]) best = e;
  return best;
}
