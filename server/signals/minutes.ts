import type { FaceWindow, VoiceWindow } from "../../domain/signals";
import type { MinuteRow } from "./repository";

/** One accepted window, after consent filtering. */
export interface AcceptedWindow {
  windowMs: number;
  voice?: VoiceWindow;
  face?: FaceWindow;
  engagement?: number;
  valence?: number;
}

interface Bucket {
  sessionId: string;
  participantId: string;
  minute: number;
  windows: number;
  seconds: number;
  speakingMs: number;
  /** Sums and counts for the means, keyed by metric. */
  sums: Map<string, number>;
  counts: Map<string, number>;
}

const MINUTE = 60_000;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Folds the 10-second windows of each person into one row per minute for `signal_minutes`.
 * Only means and totals are kept, which is all analytics needs and all we want to store.
 */
export class MinuteSummaries {
  private readonly buckets = new Map<string, Bucket>();

  add(sessionId: string, participantId: string, at: number, w: AcceptedWindow): void {
    const minute = Math.floor(at / MINUTE) * MINUTE;
    const key = `${sessionId}:${participantId}:${minute}`;
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { sessionId, participantId, minute, windows: 0, seconds: 0, speakingMs: 0, sums: new Map(), counts: new Map() }));
    b.windows += 1;
    b.seconds += w.windowMs / 1000;
    const add = (name: string, value: number | undefined) => {
      if (value === undefined || !Number.isFinite(value)) return;
      b.sums.set(name, (b.sums.get(name) ?? 0) + value);
      b.counts.set(name, (b.counts.get(name) ?? 0) + 1);
    };
    if (w.voice) {
      b.speakingMs += w.voice.speakingMs;
      add("voiceActivity", w.voice.activity);
      add("loudness", w.voice.speakingMs > 0 ? w.voice.loudness : undefined);
      add("pitchVariation", w.voice.speakingMs >= 1000 ? w.voice.pitchVariation : undefined);
      add("speakingRate", w.voice.speakingMs >= 1000 ? w.voice.speakingRate : undefined);
    }
    if (w.face) {
      add("presence", w.face.presence);
      add("attention", w.face.presence > 0 ? w.face.attention : undefined);
      for (const [e, p] of Object.entries(w.face.expressions)) add(e, p);
      add("faceFps", w.face.fps);
    }
    add("engagement", w.engagement);
    add("valence", w.valence);
  }

  /** Rows for minutes that ended at least `graceMs` ago (late windows still land in their minute), removed from memory. */
  takeDue(now: number, graceMs = 5_000): MinuteRow[] {
    return this.take((b) => b.minute + MINUTE + graceMs <= now);
  }

  /** Every row still in memory: at shutdown, or when a test wants them now. */
  takeAll(): MinuteRow[] {
    return this.take(() => true);
  }

  private take(pred: (b: Bucket) => boolean): MinuteRow[] {
    const rows: MinuteRow[] = [];
    for (const [key, b] of this.buckets) {
      if (!pred(b)) continue;
      this.buckets.delete(key);
      const metrics: Record<string, number> = { windows: b.windows, seconds: round(b.seconds) };
      if (b.counts.has("voiceActivity")) metrics.speakingSeconds = round(b.speakingMs / 1000);
      for (const [name, sum] of b.sums) metrics[name] = round(sum / b.counts.get(name)!);
      rows.push({ sessionId: b.sessionId, participantId: b.participantId, minute: new Date(b.minute), metrics });
    }
    return rows;
  }
}
