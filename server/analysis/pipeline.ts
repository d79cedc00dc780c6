import { getEmbedder } from "../ai/embeddings";
import { scoreLexicon } from "./lexicon";
import { classifierFeatures } from "./classifier";
import { clip, vaderScores } from "./features";

/** Classifier inputs for many texts at once, embedding them in batches (used by training and evaluation). */
export async function featuresFor(texts: readonly string[]): Promise<number[][]> {
  const clipped = texts.map(clip);
  const embedder = await getEmbedder();
  const embeddings = await embedder.embed(clipped);
  return clipped.map((text, i) => classifierFeatures(embeddings[i], text, scoreLexicon(text), vaderScores(text)));
}
