import { getEmbedder } from "../ai/embeddings";
import { classifierFeatures, classifyEmotions, loadEmotionModel } from "./classifier";
import { clip, vaderScores } from "./features";
import { detectLanguage } from "./language";
import { lexiconDistribution, scoreLexicon } from "./lexicon";
import { translatedValence } from "./multilingual";
import { tokenize } from "./tokenize";
import { EMOTIONS, argmaxEmotion, flatEmotions, type Emotion, type EmotionScores, type Language, type TextAnalysis } from "./types";

/**
 * How pleasant each emotion is, used to settle valence where vader finds no sentiment words
 * (reflective sentences such as "I notice I'm holding my breath" score exactly 0 in vader).
 */
export const EMOTION_VALENCE: Record<Emotion, number> = {
  joy: 0.8,
  calm: 0.35,
  surprise: 0.05,
  sadness: -0.7,
  anger: -0.7,
  fear: -0.65,
};

/** |compound| at which vader is trusted fully (its own "clearly positive/negative" zone). */
const VADER_CONFIDENT_AT = 0.5;
/** Even a confident vader keeps a quarter of the emotion view, so "not angry, just tired" still leans sad. */
const VADER_MAX_SHARE = 0.75;

/**
 * valence = w·compound + (1 − w)·Σ p(e)·EMOTION_VALENCE[e],
 * where w = VADER_MAX_SHARE · min(1, |compound| / VADER_CONFIDENT_AT).
 * A compound of 0 leaves the emotion distribution in charge; a strong compound dominates.
 */
export function blendValence(compound: number, emotions: EmotionScores): number {
  const emotional = EMOTIONS.reduce((sum, e) => sum + emotions[e] * EMOTION_VALENCE[e], 0);
  const w = VADER_MAX_SHARE * Math.min(1, Math.abs(compound) / VADER_CONFIDENT_AT);
  return clamp(w * compound + (1 - w) * emotional);
}

function clamp(v: number): number {
  return Math.max(-1, Math.min(1, v));
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

function present(valence: number, emotions: EmotionScores, dominant: Emotion | "unknown", language: Language): TextAnalysis {
  const rounded = { ...emotions };
  for (const e of EMOTIONS) rounded[e] = round(emotions[e]);
  return { valence: round(valence), emotions: rounded, dominant, language };
}

/** What is said about text we cannot read: neutral, flat, no dominant emotion. */
function unreadable(language: Language, valence = 0): TextAnalysis {
  return present(valence, flatEmotions(), "unknown", language);
}

/**
 * Answers for texts the English models should not see. Hebrew and Spanish get a valence from
 * their translated lexicons but no emotion, because a confident wrong emotion is worse than none.
 */
function outsideEnglish(text: string, language: Language): TextAnalysis {
  if (language === "he" || language === "es") return unreadable(language, translatedValence(language, text));
  return unreadable(language);
}

/** Lexicon and vader only: no embeddings, for high-volume uses such as live chat signals. */
export function analyzeTextFast(input: string): TextAnalysis {
  const text = clip(typeof input === "string" ? input : "");
  if (text.trim() === "") return unreadable("und");
  const tokens = tokenize(text);
  const language = detectLanguage(text, tokens);
  if (language !== "en") return outsideEnglish(text, language);
  const { compound } = vaderScores(text);
  const emotions = lexiconDistribution(scoreLexicon(text, tokens));
  if (!emotions) return present(compound, flatEmotions(), "unknown", language);
  return present(blendValence(compound, emotions), emotions, argmaxEmotion(emotions), language);
}

/** The full analysis for many texts, embedding the English ones together in batches. */
export async function analyzeBatch(inputs: readonly string[]): Promise<TextAnalysis[]> {
  const texts = inputs.map((t) => clip(typeof t === "string" ? t : ""));
  const languages = texts.map((t) => (t.trim() === "" ? "und" : detectLanguage(t)));
  const english = texts.flatMap((t, i) => (languages[i] === "en" ? [i] : []));
  const results: (TextAnalysis | undefined)[] = texts.map((t, i) =>
    languages[i] === "en" ? undefined : outsideEnglish(t, languages[i]),
  );
  if (english.length === 0) return results as TextAnalysis[];

  let embeddings: number[][];
  try {
    const embedder = await getEmbedder();
    embeddings = await embedder.embed(english.map((i) => texts[i]));
  } catch {
    // The embedding model ships with the install; if it still cannot load, a lexicon answer
    // is better than an error for the person who just wrote a reflection.
    for (const i of english) results[i] = analyzeTextFast(texts[i]);
    return results as TextAnalysis[];
  }

  const { model } = loadEmotionModel();
  english.forEach((index, k) => {
    const text = texts[index];
    const lexicon = scoreLexicon(text);
    const polarity = vaderScores(text);
    const emotions = classifyEmotions(model, classifierFeatures(embeddings[k], text, lexicon, polarity));
    results[index] = present(blendValence(polarity.compound, emotions), emotions, argmaxEmotion(emotions), "en");
  });
  return results as TextAnalysis[];
}

/** Valence, emotion probabilities, dominant emotion and language of one text (the `POST /api/analysis/text` answer). */
export async function analyzeText(text: string): Promise<TextAnalysis> {
  const [result] = await analyzeBatch([text]);
  return result;
}

/** Loads the embedding model and classifier weights ahead of the first request (~0.2 s). */
export async function warmUpTextAnalysis(): Promise<void> {
  loadEmotionModel();
  await getEmbedder();
}
