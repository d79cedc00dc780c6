import type { CardCount, LearnedArtifact } from "./learning";
import type { RecsParams } from "./params";
import { sampleBeta } from "./random";

export type Vector = Float32Array | readonly number[];

/** A card that may be suggested, with what ranking needs to know about it. */
export interface Candidate {
  id: string;
  vector: Vector | null;
  tags: readonly string[];
}

/** A piece of what the person brought: the topic, or one of their reflections. */
export interface QueryPiece {
  /** "phase" nudges the query towards the method's moment but is never given as a reason. */
  kind: "topic" | "reflection" | "phase";
  text: string;
  vector: Vector;
}

/** A learned model ready to serve: Beta counts that keep learning online, neighbours, topics. */
export interface ServingModel {
  name: string;
  version: string;
  counts: Map<string, CardCount>;
  neighbours: Map<string, Map<string, number>>;
  topics: { text: string; vector: Vector; cards: Map<string, number> }[];
}

export interface RankInput {
  candidates: readonly Candidate[];
  pieces: readonly QueryPiece[];
  /** Cards this person kept or chose lately: seeds for "kept alongside". */
  seeds: readonly string[];
  /** Shown to or held by this person recently: novelty takes something off. */
  seen: ReadonlySet<string>;
  model: ServingModel;
  params: RecsParams;
  limit: number;
  rand: () => number;
}

export type ReasonKind = "reflection" | "topic" | "topic-popular" | "alongside" | "popular" | "new";
export interface Ranked {
  id: string;
  score: number;
  reason: { kind: ReasonKind; text: string };
}

export function dot(a: Vector, b: Vector): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** The weighted mean of unit vectors, back to unit length (cosine stays a dot product). */
export function meanVector(vectors: readonly Vector[], weights?: readonly number[]): Float32Array | null {
  if (vectors.length === 0) return null;
  const out = new Float32Array(vectors[0].length);
  vectors.forEach((v, i) => {
    const w = weights?.[i] ?? 1;
    for (let k = 0; k < out.length; k++) out[k] += w * v[k];
  });
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let k = 0; k < out.length; k++) out[k] /= norm;
  return out;
}

export function snippet(text: string, words = 6): string {
  const parts = text.trim().split(/\s+/);
  const cut = parts.slice(0, words).join(" ").replace(/[.,;:!?]+$/, "");
  return parts.length > words ? `${cut}…` : cut;
}

/** Beta posterior of a card's success rate: exposures without a positive signal count a little against it. */
export function posterior(count: CardCount | undefined, params: RecsParams): [alpha: number, beta: number] {
  if (!count) return [1, 1];
  const unanswered = Math.max(0, count.shown - count.pos);
  return [1 + count.pos, 1 + count.neg + params.exposureFailureWeight * unanswered];
}

const PIECE_WEIGHT: Record<QueryPiece["kind"], number> = { topic: 1.5, reflection: 1, phase: 0.4 };

/** Scales values to 0..1 over the candidates, so weights mean the same with any spread. */
function rescale(values: Map<string, number>): Map<string, number> {
  let lo = Infinity, hi = -Infinity;
  for (const v of values.values()) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const out = new Map<string, number>();
  for (const [k, v] of values) out.set(k, hi > lo ? (v - lo) / (hi - lo) : hi > 0 ? 1 : 0);
  return out;
}

interface Scored {
  c: Candidate;
  score: number;
  parts: { content: number; collab: number; explore: number };
  bestPiece: QueryPiece | null;
  collabKind: "topic-popular" | "alongside" | "popular";
  topicText: string | null;
}

/**
 * Hybrid ranking: meaning (topic and reflections against the card), what the organisation kept
 * (topic associations, co-occurrence with the person's cards, Beta means), a Thompson draw so
 * rare cards get a chance, a novelty penalty, then MMR so the list is not ten shades of one theme.
 */
export function rankCards(input: RankInput): Ranked[] {
  const { params, model } = input;
  const query = meanVector(input.pieces.map((p) => p.vector), input.pieces.map((p) => PIECE_WEIGHT[p.kind]));
  const content = new Map<string, number>();
  const bestPiece = new Map<string, QueryPiece | null>();
  for (const c of input.candidates) {
    if (!query || !c.vector) {
      content.set(c.id, 0);
      bestPiece.set(c.id, null);
      continue;
    }
    content.set(c.id, dot(query, c.vector));
    let best: QueryPiece | null = null;
    let bestSim = -Infinity;
    for (const p of input.pieces) {
      if (p.kind === "phase") continue;
      const s = dot(p.vector, c.vector);
      if (s > bestSim) {
        bestSim = s;
        best = p;
      }
    }
    bestPiece.set(c.id, best);
  }

  // People who worked on a similar topic: their kept cards, weighted by topic similarity.
  const topicPiece = input.pieces.find((p) => p.kind === "topic") ?? null;
  const topicVotes = new Map<string, number>();
  const topicOf = new Map<string, string>();
  if (query) {
    for (const t of model.topics) {
      const sim = Math.max(dot(t.vector, topicPiece?.vector ?? query), dot(t.vector, query));
      if (sim < params.topicSimilarity) continue;
      const total = [...t.cards.values()].reduce((a, b) => a + b, 0) || 1;
      for (const [id, n] of t.cards) {
        const v = (sim * n) / total;
        if (v > (topicVotes.get(id) ?? 0)) topicOf.set(id, t.text);
        topicVotes.set(id, (topicVotes.get(id) ?? 0) + v);
      }
    }
  }
  const alongside = new Map<string, number>();
  for (const seed of input.seeds) for (const [id, s] of model.neighbours.get(seed) ?? []) alongside.set(id, (alongside.get(id) ?? 0) + s);
  const mean = new Map<string, number>();
  for (const c of input.candidates) {
    const [a, b] = posterior(model.counts.get(c.id), params);
    mean.set(c.id, a / (a + b));
  }
  const candidateIds = new Set(input.candidates.map((c) => c.id));
  const only = (m: Map<string, number>) => new Map([...m].filter(([id]) => candidateIds.has(id)));
  const topicN = rescale(only(topicVotes));
  const alongN = rescale(only(alongside));
  const meanN = rescale(mean);
  const contentN = rescale(content);

  const draws = new Map<string, number>();
  for (const c of input.candidates) draws.set(c.id, sampleBeta(...posterior(model.counts.get(c.id), params), input.rand));
  const drawN = rescale(draws);

  const scored: Scored[] = input.candidates.map((c) => {
    const t = topicN.get(c.id) ?? 0;
    const al = alongN.get(c.id) ?? 0;
    // Beta means only break ties among cards with no better collaborative evidence.
    const pop = 0.3 * (meanN.get(c.id) ?? 0);
    const collab = Math.max(t, al, pop);
    const collabKind = collab === 0 ? "popular" : t >= al && t >= pop ? "topic-popular" : al >= pop ? "alongside" : "popular";
    const parts = { content: params.contentWeight * (contentN.get(c.id) ?? 0), collab: params.collabWeight * collab, explore: params.explorationWeight * (drawN.get(c.id) ?? 0) };
    const score = parts.content + parts.collab + parts.explore - (input.seen.has(c.id) ? params.seenPenalty : 0);
    return { c, score, parts, bestPiece: bestPiece.get(c.id) ?? null, collabKind, topicText: topicOf.get(c.id) ?? null };
  });
  return diversify(scored, input.limit, params.diversityLambda).map((s) => ({ id: s.c.id, score: Math.round(s.score * 1e4) / 1e4, reason: explain(s, input.seen, model) }));
}

/** Maximal marginal relevance over card embeddings. */
function diversify(scored: Scored[], limit: number, lambda: number): Scored[] {
  const pool = [...scored].sort((a, b) => b.score - a.score || a.c.id.localeCompare(b.c.id));
  const picked: Scored[] = [];
  const maxSim = new Map<string, number>();
  while (picked.length < limit && pool.length) {
    let bestIdx = 0;
    let bestVal = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const v = lambda * pool[i].score - (1 - lambda) * (maxSim.get(pool[i].c.id) ?? 0);
      if (v > bestVal) {
        bestVal = v;
        bestIdx = i;
      }
    }
    const [next] = pool.splice(bestIdx, 1);
    picked.push(next);
    if (next.c.vector) for (const p of pool) if (p.c.vector) maxSim.set(p.c.id, Math.max(maxSim.get(p.c.id) ?? 0, dot(next.c.vector, p.c.vector)));
  }
  return picked;
}

function explain(s: Scored, seen: ReadonlySet<string>, model: ServingModel): Ranked["reason"] {
  const { content, collab, explore } = s.parts;
  const evidence = model.counts.get(s.c.id);
  const rare = !evidence || evidence.pos + evidence.neg < 3;
  if (explore > content && explore > collab && rare && !seen.has(s.c.id)) return { kind: "new", text: "something new for you" };
  if (content >= collab && s.bestPiece) {
    return s.bestPiece.kind === "reflection"
      ? { kind: "reflection", text: `close to what you wrote about '${snippet(s.bestPiece.text)}'` }
      : { kind: "topic", text: `close to your topic '${snippet(s.bestPiece.text, 8)}'` };
  }
  if (collab > 0 && s.collabKind === "topic-popular" && s.topicText) return { kind: "topic-popular", text: `often kept by people working on '${snippet(s.topicText, 8)}'` };
  if (collab > 0 && s.collabKind === "alongside") return { kind: "alongside", text: "often kept alongside cards you chose" };
  if (collab > 0 && evidence && evidence.pos > 0) return { kind: "popular", text: "often kept by people in your organisation" };
  return { kind: "new", text: "something new for you" };
}

/** An untrained model: everything comes from content, with exploration over the whole deck. */
export function emptyModel(): ServingModel {
  return { name: "hybrid", version: "cold-start", counts: new Map(), neighbours: new Map(), topics: [] };
}

/** The stored artifact as maps (topic vectors are filled in by whoever can embed). */
export function servingModelOf(name: string, version: string, artifact: LearnedArtifact, topicVectors: readonly Vector[]): ServingModel {
  const counts = new Map<string, CardCount>();
  for (const [id, [pos, neg, shown]] of Object.entries(artifact.counts)) counts.set(id, { pos, neg, shown });
  const neighbours = new Map<string, Map<string, number>>();
  for (const [id, list] of Object.entries(artifact.neighbours)) neighbours.set(id, new Map(list));
  const topics = artifact.topics.flatMap((t, i) => (topicVectors[i] ? [{ text: t.text, vector: topicVectors[i], cards: new Map(t.cards) }] : []));
  return { name, version, counts, neighbours, topics };
}
