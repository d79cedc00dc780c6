import { NEGATIVE_SIGNALS, POSITIVE_SIGNALS, type RecsParams } from "./params";

/** One signal about a card, as training reads it (explicit feedback and session events alike). */
export interface TrainingEvent {
  /** Who gave it: a user or a session guest. */
  actor: string;
  /** What belongs together: a session, or one person's day outside sessions. */
  basket: string;
  cardId: string;
  signal: string;
  topic: string | null;
  at: number;
}

/** Successes, failures and times shown, per card. */
export interface CardCount {
  pos: number;
  neg: number;
  shown: number;
}

/** What a trained model serves from; stored as JSON in recommender_models.artifact. */
export interface LearnedArtifact {
  counts: Record<string, [pos: number, neg: number, shown: number]>;
  /** cardId → [[neighbour, similarity]], best first. */
  neighbours: Record<string, [string, number][]>;
  /** Topics people worked on and the cards they kept for them, most frequent first. */
  topics: { text: string; cards: [string, number][] }[];
}

export interface OfflineMetrics extends Record<string, number> {
  hitRate10: number;
  ndcg10: number;
  popularityHitRate10: number;
  popularityNdcg10: number;
  coverage10: number;
  heldOut: number;
}

const MAX_BASKET = 40;
const MAX_TOPICS = 200;
const CARDS_PER_TOPIC = 25;

export function topicKey(topic: string): string {
  return topic.trim().toLowerCase().replace(/\s+/g, " ").slice(0, 200);
}

export function countSignals(events: readonly TrainingEvent[], shown: ReadonlyMap<string, number>): Map<string, CardCount> {
  const counts = new Map<string, CardCount>();
  const get = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { pos: 0, neg: 0, shown: 0 }));
    return c;
  };
  for (const e of events) {
    if (POSITIVE_SIGNALS.has(e.signal)) get(e.cardId).pos += 1;
    else if (NEGATIVE_SIGNALS.has(e.signal)) get(e.cardId).neg += 1;
  }
  for (const [id, n] of shown) get(id).shown += n;
  return counts;
}

/**
 * Item-item co-occurrence over baskets of positively signalled cards, normalised by how often
 * each card appears (cosine over basket membership), so popular cards do not neighbour everything.
 */
export function coOccurrence(events: readonly TrainingEvent[], keep: number): Map<string, [string, number][]> {
  const baskets = new Map<string, Set<string>>();
  for (const e of events) {
    if (!POSITIVE_SIGNALS.has(e.signal)) continue;
    let b = baskets.get(e.basket);
    if (!b) baskets.set(e.basket, (b = new Set()));
    b.add(e.cardId);
  }
  const freq = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  const bump = (a: string, b: string) => {
    let m = pairs.get(a);
    if (!m) pairs.set(a, (m = new Map()));
    m.set(b, (m.get(b) ?? 0) + 1);
  };
  for (const basket of baskets.values()) {
    // A huge basket (a long workshop) says little about which cards belong together.
    const items = [...basket].slice(0, MAX_BASKET);
    for (const id of items) freq.set(id, (freq.get(id) ?? 0) + 1);
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      bump(items[i], items[j]);
      bump(items[j], items[i]);
    }
  }
  const out = new Map<string, [string, number][]>();
  for (const [a, m] of pairs) {
    const fa = freq.get(a) ?? 1;
    const list: [string, number][] = [...m].map(([b, n]) => [b, n / Math.sqrt(fa * (freq.get(b) ?? 1))]);
    list.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    out.set(a, list.slice(0, keep).map(([b, s]) => [b, Math.round(s * 1e4) / 1e4]));
  }
  return out;
}

/** The cards kept for each topic people named, for "often kept by people working on …". */
export function topicAssociations(events: readonly TrainingEvent[]): LearnedArtifact["topics"] {
  const byTopic = new Map<string, { text: string; total: number; cards: Map<string, number> }>();
  for (const e of events) {
    if (!e.topic || !POSITIVE_SIGNALS.has(e.signal)) continue;
    const key = topicKey(e.topic);
    if (!key) continue;
    let t = byTopic.get(key);
    if (!t) byTopic.set(key, (t = { text: e.topic.trim().slice(0, 200), total: 0, cards: new Map() }));
    t.total += 1;
    t.cards.set(e.cardId, (t.cards.get(e.cardId) ?? 0) + 1);
  }
  return [...byTopic.values()]
    .sort((a, b) => b.total - a.total || a.text.localeCompare(b.text))
    .slice(0, MAX_TOPICS)
    .map((t) => ({ text: t.text, cards: [...t.cards].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CARDS_PER_TOPIC) }));
}

export function buildArtifact(events: readonly TrainingEvent[], shown: ReadonlyMap<string, number>, params: RecsParams): LearnedArtifact {
  const counts: LearnedArtifact["counts"] = {};
  for (const [id, c] of countSignals(events, shown)) counts[id] = [c.pos, c.neg, c.shown];
  return { counts, neighbours: Object.fromEntries(coOccurrence(events, params.neighbours)), topics: topicAssociations(events) };
}

const dcgAt = (rank: number) => 1 / Math.log2(rank + 2);

/**
 * Leave-last-out: for each person with at least two kept cards, the last one is hidden, a
 * model is built without it, and we ask whether its neighbours of the others rank it in the
 * top 10 (against popularity). Measures only the learned part; content needs no training.
 */
export function offlineMetrics(events: readonly TrainingEvent[], params: RecsParams): OfflineMetrics {
  const positives = events.filter((e) => POSITIVE_SIGNALS.has(e.signal));
  const byActor = new Map<string, TrainingEvent[]>();
  for (const e of positives) {
    let list = byActor.get(e.actor);
    if (!list) byActor.set(e.actor, (list = []));
    list.push(e);
  }
  const heldOut = new Set<TrainingEvent>();
  for (const list of byActor.values()) {
    const distinct = new Set(list.map((e) => e.cardId));
    if (distinct.size < 2) continue;
    heldOut.add(list.reduce((a, b) => (b.at >= a.at ? b : a)));
  }
  const empty: OfflineMetrics = { hitRate10: 0, ndcg10: 0, popularityHitRate10: 0, popularityNdcg10: 0, coverage10: 0, heldOut: 0 };
  if (heldOut.size === 0) return empty;
  const train = events.filter((e) => !heldOut.has(e));
  const neighbours = coOccurrence(train, params.neighbours);
  const counts = countSignals(train, new Map());
  const popular = [...counts].sort((a, b) => b[1].pos - a[1].pos || a[0].localeCompare(b[0])).map(([id]) => id);
  let hits = 0, ndcg = 0, popHits = 0, popNdcg = 0;
  const covered = new Set<string>();
  const ownByActor = new Map<string, Set<string>>();
  for (const e of train) {
    if (!POSITIVE_SIGNALS.has(e.signal)) continue;
    let own = ownByActor.get(e.actor);
    if (!own) ownByActor.set(e.actor, (own = new Set()));
    own.add(e.cardId);
  }
  for (const target of heldOut) {
    const own = ownByActor.get(target.actor) ?? new Set<string>();
    const scores = new Map<string, number>();
    for (const seed of own) for (const [b, s] of neighbours.get(seed) ?? []) if (!own.has(b)) scores.set(b, (scores.get(b) ?? 0) + s);
    // Popularity fills the list where neighbours run out, as serving does.
    const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
    for (const id of popular) if (ranked.length < 10 && !own.has(id) && !ranked.includes(id)) ranked.push(id);
    const top = ranked.slice(0, 10);
    top.forEach((id) => covered.add(id));
    const r = top.indexOf(target.cardId);
    if (r >= 0) {
      hits += 1;
      ndcg += dcgAt(r);
    }
    const popTop = popular.filter((id) => !own.has(id)).slice(0, 10);
    const pr = popTop.indexOf(target.cardId);
    if (pr >= 0) {
      popHits += 1;
      popNdcg += dcgAt(pr);
    }
  }
  const n = heldOut.size;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { hitRate10: round(hits / n), ndcg10: round(ndcg / n), popularityHitRate10: round(popHits / n), popularityNdcg10: round(popNdcg / n), coverage10: covered.size, heldOut: n };
}
