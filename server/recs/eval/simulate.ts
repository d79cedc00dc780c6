/**
 * Simulated people for the recommender evaluation (docs/MODELS.md describes the generator).
 *
 * - Themes are the default deck's tags used by at least four cards.
 * - A segment is three themes that go together for a group of people (e.g. "change",
 *   "courage", "letting go"); segments are drawn once from a seed, and some are more common
 *   than others (Zipf). A person belongs to one segment and has one personal extra theme.
 * - A person's hidden preference for a card is the sum of their theme weights the card carries
 *   (1, 0.8, 0.6 for the segment, 0.5 for the personal theme), times the card's hidden appeal
 *   (0.4–1, the same for everyone: some pictures simply speak to more people).
 * - What they say is a topic sentence naming only their segment's first theme, so meaning alone
 *   cannot know the other two: that is what the organisation's history has to teach.
 * - In a session they see a spread of cards, choose the ones they prefer (probability rising
 *   with preference), and swap a card they do not care for.
 */
import type { TrainingEvent } from "../learning";
import type { Vector } from "../ranking";

export interface SimCard {
  id: string;
  tags: readonly string[];
  vector: Vector;
  appeal: number;
}
export interface SimPerson {
  id: string;
  segment: number;
  weights: Map<string, number>;
  topic: string;
}

const TOPIC_TEMPLATES = [
  "I keep coming back to {t} in my life right now",
  "working on {t} with my team",
  "{t} at work and at home",
  "I want to understand my relationship with {t}",
  "something about {t} has been on my mind",
  "finding more {t} this year",
];

export class Simulation {
  readonly themes: string[];
  readonly segments: string[][];
  private readonly segmentWeights: number[];

  constructor(
    readonly cards: SimCard[],
    private readonly rand: () => number,
    segmentCount = 12,
  ) {
    const freq = new Map<string, number>();
    for (const c of cards) for (const t of c.tags) freq.set(t, (freq.get(t) ?? 0) + 1);
    this.themes = [...freq].filter(([, n]) => n >= 4).map(([t]) => t).sort();
    this.segments = [];
    for (let s = 0; s < segmentCount; s++) {
      const picked = new Set<string>();
      while (picked.size < 3) picked.add(this.themes[Math.floor(rand() * this.themes.length)]);
      this.segments.push([...picked]);
    }
    this.segmentWeights = this.segments.map((_, i) => 1 / (i + 1));
  }

  person(id: string): SimPerson {
    const total = this.segmentWeights.reduce((a, b) => a + b, 0);
    let r = this.rand() * total;
    let segment = 0;
    while (r > this.segmentWeights[segment] && segment < this.segments.length - 1) r -= this.segmentWeights[segment++];
    const [a, b, c] = this.segments[segment];
    const weights = new Map([[a, 1], [b, 0.8], [c, 0.6]]);
    const extra = this.themes[Math.floor(this.rand() * this.themes.length)];
    if (!weights.has(extra)) weights.set(extra, 0.5);
    const template = TOPIC_TEMPLATES[Math.floor(this.rand() * TOPIC_TEMPLATES.length)];
    return { id, segment, weights, topic: template.replace("{t}", a) };
  }

  /** Hidden preference: 0 for a card with none of the person's themes. */
  preference(p: SimPerson, card: SimCard): number {
    let w = 0;
    for (const t of card.tags) w += p.weights.get(t) ?? 0;
    return w * card.appeal;
  }

  /** A relevance grade for nDCG (0 = not relevant); appeal does not change relevance. */
  grade(p: SimPerson, card: SimCard): number {
    let w = 0;
    for (const t of card.tags) w += p.weights.get(t) ?? 0;
    return w;
  }

  /** One session: a spread of cards, some chosen by preference, one swapped away. */
  session(p: SimPerson, basket: string, at: number, spread = 30, choose = 3): TrainingEvent[] {
    const shown = this.sample(spread);
    const byPref = shown.map((c) => ({ c, v: this.preference(p, c) + 0.05 * this.rand() })).sort((x, y) => y.v - x.v);
    const events: TrainingEvent[] = [];
    for (const { c, v } of byPref.slice(0, choose)) {
      if (v < 0.1) break;
      events.push({ actor: p.id, basket, cardId: c.id, signal: this.rand() < 0.5 ? "chosen" : "kept", topic: p.topic, at });
      if (this.rand() < 0.3) events.push({ actor: p.id, basket, cardId: c.id, signal: "resonant", topic: p.topic, at });
    }
    const disliked = byPref[byPref.length - 1];
    if (disliked) events.push({ actor: p.id, basket, cardId: disliked.c.id, signal: "swapped", topic: p.topic, at });
    return events;
  }

  sample(n: number): SimCard[] {
    const pool = [...this.cards];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, n);
  }
}

/** Graded nDCG@k against the person's hidden relevance. */
export function gradedNdcg(ranked: readonly string[], grades: ReadonlyMap<string, number>, k = 10): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => (dcg += (grades.get(id) ?? 0) / Math.log2(i + 2)));
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k).reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function recallAtK(ranked: readonly string[], grades: ReadonlyMap<string, number>, k = 10): number {
  const relevant = [...grades].filter(([, g]) => g > 0).length;
  const hits = ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length;
  return relevant === 0 ? 0 : hits / Math.min(k, relevant);
}

/** Mean pairwise (1 − cosine) within a list: higher means the list spans more themes. */
export function intraListDiversity(ids: readonly string[], vectors: ReadonlyMap<string, Vector>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const a = vectors.get(ids[i]);
    const b = vectors.get(ids[j]);
    if (!a || !b) continue;
    let d = 0;
    for (let k = 0; k < a.length; k++) d += a[k] * b[k];
    sum += 1 - d;
    n += 1;
  }
  return n ? sum / n : 0;
}
