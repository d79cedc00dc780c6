import type { DriftReport } from "../../domain/api/recs";

/** A week's signal mix this far from its baseline (total variation distance) is flagged. */
export const SIGNAL_SHIFT_THRESHOLD = 0.25;
/** A week whose mean kept-card embedding is less similar than this to the baseline is flagged. */
export const EMBEDDING_COSINE_THRESHOLD = 0.9;
/** Fewer events than this in a week say too little to flag anything. */
export const MIN_WEEK_EVENTS = 20;
const BASELINE_WEEKS = 4;

export interface WeekInput {
  week: string;
  mix: Map<string, number>;
  /** Mean embedding of positively signalled cards (unit length), or null without any. */
  meanEmbedding: Float32Array | null;
}

function shares(mix: Map<string, number>): Map<string, number> {
  const total = [...mix.values()].reduce((a, b) => a + b, 0);
  return new Map([...mix].map(([k, v]) => [k, total ? v / total : 0]));
}

export function totalVariation(a: Map<string, number>, b: Map<string, number>): number {
  const pa = shares(a);
  const pb = shares(b);
  let sum = 0;
  for (const k of new Set([...pa.keys(), ...pb.keys()])) sum += Math.abs((pa.get(k) ?? 0) - (pb.get(k) ?? 0));
  return sum / 2;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? d / Math.sqrt(na * nb) : 0;
}

/**
 * Each week against the weeks before it (up to four): did the mix of signals change (people
 * swapping far more than before), and did the kind of card people keep move in meaning?
 */
export function driftOf(weeks: readonly WeekInput[]): DriftReport {
  const sorted = [...weeks].sort((a, b) => a.week.localeCompare(b.week));
  const out: DriftReport["weeks"] = sorted.map((w, i) => {
    const events = [...w.mix.values()].reduce((a, b) => a + b, 0);
    const base = sorted.slice(Math.max(0, i - BASELINE_WEEKS), i);
    const signalMix = Object.fromEntries([...shares(w.mix)].map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    if (base.length === 0) return { week: w.week, events, signalMix, embeddingCosine: null, signalShift: null, flagged: false, notes: ["first week: the baseline starts here"] };
    const baseMix = new Map<string, number>();
    for (const b of base) for (const [k, v] of b.mix) baseMix.set(k, (baseMix.get(k) ?? 0) + v);
    const signalShift = Math.round(totalVariation(w.mix, baseMix) * 1000) / 1000;
    const baseVectors = base.map((b) => b.meanEmbedding).filter((v): v is Float32Array => v !== null);
    let embeddingCosine: number | null = null;
    if (w.meanEmbedding && baseVectors.length) {
      const mean = new Float32Array(w.meanEmbedding.length);
      for (const v of baseVectors) for (let k = 0; k < mean.length; k++) mean[k] += v[k] / baseVectors.length;
      embeddingCosine = Math.round(cosine(w.meanEmbedding, mean) * 1000) / 1000;
    }
    const notes: string[] = [];
    if (events < MIN_WEEK_EVENTS) notes.push("not enough data yet");
    else {
      if (signalShift > SIGNAL_SHIFT_THRESHOLD) notes.push(`signal mix shifted by ${signalShift} (threshold ${SIGNAL_SHIFT_THRESHOLD})`);
      if (embeddingCosine !== null && embeddingCosine < EMBEDDING_COSINE_THRESHOLD) notes.push(`kept cards moved in meaning: cosine ${embeddingCosine} to the baseline (threshold ${EMBEDDING_COSINE_THRESHOLD})`);
    }
    return { week: w.week, events, signalMix, embeddingCosine, signalShift, flagged: events >= MIN_WEEK_EVENTS && notes.length > 0, notes };
  });
  return { weeks: out, flagged: out.some((w) => w.flagged), thresholds: { signalShift: SIGNAL_SHIFT_THRESHOLD, embeddingCosine: EMBEDDING_COSINE_THRESHOLD } };
}
