import { readFileSync } from "node:fs";
import { DEFAULT_CARDS } from "../../../content/index";

export interface LabelledQuery {
  q: string;
  /** Ids of the default cards judged relevant. */
  relevant: Set<string>;
}

export const EVAL_K = 10;

/** Loads the labelled set; a label naming no default card fails loudly (content was renamed). */
export function loadLabelledQueries(): LabelledQuery[] {
  const raw = JSON.parse(readFileSync(new URL("./queries.json", import.meta.url), "utf8")) as { queries: { q: string; relevant: string[] }[] };
  const byWord = new Map<string, string[]>();
  for (const c of DEFAULT_CARDS) byWord.set(c.word.toLowerCase(), [...(byWord.get(c.word.toLowerCase()) ?? []), c.id]);
  return raw.queries.map(({ q, relevant }) => {
    const ids = relevant.flatMap((word) => {
      const found = byWord.get(word.toLowerCase());
      if (!found) throw new Error(`Labelled query "${q}" names "${word}", which is not a default card`);
      return found;
    });
    return { q, relevant: new Set(ids) };
  });
}

/** Binary-relevance nDCG@k: 1 when the first k results are all relevant and in any order. */
export function ndcgAt(ranked: string[], relevant: Set<string>, k = EVAL_K): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Recall@k against at most k relevant cards, so a query with 13 good cards can still reach 1. */
export function recallAt(ranked: string[], relevant: Set<string>, k = EVAL_K): number {
  const hits = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return relevant.size === 0 ? 0 : hits / Math.min(k, relevant.size);
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
