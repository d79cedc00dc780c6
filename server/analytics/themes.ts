/**
 * Themes across sessions: shared reflections clustered by meaning (k-means over unit sentence
 * embeddings, so a dot product is cosine similarity), each cluster named by the words that
 * are frequent in it and rarer elsewhere.
 */

const STOP = new Set(
  "a about after again all am an and any are as at be because been before being but by can could did do does doing down for from had has have having he her here hers him his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours really feel feels felt think like want wanted get got one also much many still today now going something thing things maybe".split(
    " ",
  ),
);

export interface Theme {
  label: string;
  words: string[];
  size: number;
}

const dot = (a: readonly number[], b: readonly number[]) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}']{3,}/gu) ?? []).map((w) => w.replace(/'s$/, "")).filter((w) => !STOP.has(w));
}

/** Farthest-point seeding: deterministic, so the same reflections always give the same themes. */
function seeds(vectors: readonly number[][], k: number): number[][] {
  const chosen = [vectors[0]];
  const best = vectors.map((v) => dot(v, vectors[0]));
  while (chosen.length < k) {
    let far = 0;
    for (let i = 1; i < vectors.length; i++) if (best[i] < best[far]) far = i;
    chosen.push(vectors[far]);
    for (let i = 0; i < vectors.length; i++) best[i] = Math.max(best[i], dot(vectors[i], vectors[far]));
  }
  return chosen.map((c) => [...c]);
}

export function clusterAssignments(vectors: readonly number[][], k: number, iterations = 12): number[] {
  const centroids = seeds(vectors, k);
  const assign = new Array<number>(vectors.length).fill(0);
  for (let it = 0; it < iterations; it++) {
    let moved = false;
    for (let i = 0; i < vectors.length; i++) {
      let bestC = 0;
      let bestS = -Infinity;
      for (let c = 0; c < centroids.length; c++) {
        const s = dot(vectors[i], centroids[c]);
        if (s > bestS) [bestS, bestC] = [s, c];
      }
      if (assign[i] !== bestC) [assign[i], moved] = [bestC, true];
    }
    if (!moved && it > 0) break;
    for (let c = 0; c < centroids.length; c++) {
      const sum = new Array<number>(vectors[0].length).fill(0);
      let n = 0;
      for (let i = 0; i < vectors.length; i++) {
        if (assign[i] !== c) continue;
        n++;
        for (let d = 0; d < sum.length; d++) sum[d] += vectors[i][d];
      }
      if (n === 0) continue;
      const norm = Math.sqrt(sum.reduce((a, x) => a + x * x, 0)) || 1;
      centroids[c] = sum.map((x) => x / norm);
    }
  }
  return assign;
}

export function findThemes(items: readonly { text: string; embedding: readonly number[] }[], maxThemes = 5): Theme[] {
  const usable = items.filter((i) => i.embedding.length > 0 && words(i.text).length > 0);
  if (usable.length < 2) return [];
  const k = Math.min(maxThemes, Math.max(1, Math.round(Math.sqrt(usable.length / 2))));
  const assign = clusterAssignments(
    usable.map((i) => [...i.embedding]),
    k,
  );
  const docFreq = new Map<string, number>();
  const tokens = usable.map((i) => new Set(words(i.text)));
  for (const set of tokens) for (const w of set) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
  const themes: Theme[] = [];
  for (let c = 0; c < k; c++) {
    const members = tokens.filter((_, i) => assign[i] === c);
    if (members.length === 0) continue;
    const inCluster = new Map<string, number>();
    for (const set of members) for (const w of set) inCluster.set(w, (inCluster.get(w) ?? 0) + 1);
    const ranked = [...inCluster.entries()]
      .map(([w, n]) => ({ w, score: (n / members.length) * Math.log(1 + usable.length / (docFreq.get(w) ?? 1)), n }))
      .filter((x) => x.n >= Math.min(2, members.length))
      .sort((a, b) => b.score - a.score || a.w.localeCompare(b.w))
      .slice(0, 3)
      .map((x) => x.w);
    if (ranked.length === 0) continue;
    themes.push({ label: ranked.join(" · "), words: ranked, size: members.length });
  }
  return themes.sort((a, b) => b.size - a.size || a.label.localeCompare(b.label));
}
