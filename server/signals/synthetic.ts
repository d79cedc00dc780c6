import type { Expression, FaceFrame, VoiceFrame } from "../../domain/signals";

/** A deterministic pseudo-random stream, so recorded-looking feature streams are the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FRAME_MS = (1024 / 44_100) * 1000;

/**
 * Microphone feature frames as meyda would give them for a room with faint noise and, from
 * `speechFrom` to `speechTo` ms, a voice saying `syllablesPerSecond` syllables at a pitch
 * swinging ±`pitchSwing` semitones around 180 Hz.
 */
export function voiceStream(o: { ms: number; speechFrom: number; speechTo: number; syllablesPerSecond: number; pitchSwing: number; seed?: number; startT?: number }): VoiceFrame[] {
  const rand = seeded(o.seed ?? 1);
  const frames: VoiceFrame[] = [];
  const start = o.startT ?? 0;
  for (let t = 0; t < o.ms; t += FRAME_MS) {
    const noise = 0.003 * (0.8 + 0.4 * rand());
    const speaking = t >= o.speechFrom && t < o.speechTo;
    if (!speaking) {
      frames.push({ t: start + t, rms: noise, flatness: 0.7 + 0.2 * rand(), pitchHz: null });
      continue;
    }
    const phase = (((t - o.speechFrom) / 1000) * o.syllablesPerSecond) % 1;
    // Each syllable rises and falls: loud in its middle (−20 dBFS), soft between (−34 dBFS).
    const envelope = 0.02 + 0.08 * Math.sin(Math.PI * phase) ** 2;
    const semitones = o.pitchSwing * Math.sin((2 * Math.PI * (t - o.speechFrom)) / 1500);
    frames.push({ t: start + t, rms: envelope * (0.97 + 0.06 * rand()), flatness: 0.15 + 0.1 * rand(), pitchHz: 180 * 2 ** (semitones / 12) });
  }
  return frames;
}

/** Camera frames at `fps`: a face in `present` of them, looking at the screen in `looking` of those. */
export function faceStream(o: { ms: number; fps: number; present: number; looking: number; expressions: Partial<Record<Expression, number>>; seed?: number }): FaceFrame[] {
  const rand = seeded(o.seed ?? 2);
  const n = Math.round((o.ms / 1000) * o.fps);
  const frames: FaceFrame[] = [];
  for (let i = 0; i < n; i++) {
    const present = i < Math.round(n * o.present);
    const looking = present && i < Math.round(n * o.present * o.looking);
    const expressions: Partial<Record<Expression, number>> = {};
    for (const [k, v] of Object.entries(o.expressions) as [Expression, number][]) expressions[k] = Math.max(0, Math.min(1, v + (rand() - 0.5) * 0.02));
    frames.push({ t: (i * 1000) / o.fps, present, looking, expressions: present ? expressions : {} });
  }
  return frames;
}
