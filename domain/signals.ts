import { z } from "zod";

// Voice and face signals: what a participant's device measures (only with consent), how a
// window of measurements becomes the few numbers that leave the device, and how those numbers
// become one calm engagement level. Pure maths, shared by the browser, the server and tests.

/** Bumped whenever the consent wording changes; each consent row records the version agreed to. */
export const SIGNALS_CONSENT_VERSION = "signals-consent-2025-06";

export const SIGNAL_KINDS = ["voice", "face"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Devices aggregate this long before sending anything. */
export const SIGNALS_WINDOW_MS = 10_000;
/** The face pipeline never runs faster than this. */
export const FACE_MAX_FPS = 2;
/** Group-level numbers are withheld below this many contributors, so they never reveal one person. */
export const MIN_GROUP_SIZE = 2;

export const EXPRESSIONS = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"] as const;
export type Expression = (typeof EXPRESSIONS)[number];

const unit = z.number().min(0).max(1);

/** A window of voice, as numbers only: no samples, no spectra. */
export const voiceWindowSchema = z
  .object({
    /** Share of the window with voice activity. */
    activity: unit,
    speakingMs: z.number().int().min(0).max(600_000),
    /** Mean loudness while speaking, 0 (−60 dBFS or quieter) … 1 (0 dBFS). */
    loudness: unit,
    /** Standard deviation of pitch while speaking, in semitones. */
    pitchVariation: z.number().min(0).max(24),
    /** Syllable-like energy peaks per second of speech. */
    speakingRate: z.number().min(0).max(15),
  })
  .strict();
export type VoiceWindow = z.infer<typeof voiceWindowSchema>;

/** A window of face, as numbers only: no image, no landmarks. */
export const faceWindowSchema = z
  .object({
    /** Share of analysed frames with a face. */
    presence: unit,
    /** Share of frames with a face that looked toward the screen. */
    attention: unit,
    /** Mean expression probabilities over frames with a face. */
    expressions: z.object(Object.fromEntries(EXPRESSIONS.map((e) => [e, unit.optional()])) as Record<Expression, z.ZodOptional<typeof unit>>).strict(),
    /** Frames analysed per second, after any automatic back-off. */
    fps: z.number().min(0).max(FACE_MAX_FPS),
  })
  .strict();
export type FaceWindow = z.infer<typeof faceWindowSchema>;

// --- voice ---------------------------------------------------------------------------------

/** One analysis frame of the microphone (about 23 ms at 44.1 kHz with 1,024 samples). */
export interface VoiceFrame {
  /** Milliseconds since the sampler started. */
  t: number;
  /** Root-mean-square amplitude of the frame, 0…1. */
  rms: number;
  /** Spectral flatness, 0 (tonal, like a voice) … 1 (noise-like). */
  flatness: number;
  /** Fundamental frequency when one was found. */
  pitchHz: number | null;
}

const dbfs = (rms: number) => 20 * Math.log10(Math.max(rms, 1e-6));
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
function std(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Turns voice frames into windows. Voice activity is an adaptive energy gate: a frame is
 * voiced when it is 9 dB over the room's noise floor (tracked as a slow minimum, so a fan or
 * a quiet room both work), above −50 dBFS, and not noise-like. The floor persists across
 * windows, which is why this is a class rather than a function.
 */
export class VoiceAggregator {
  private floorDb = -60;
  private frames: VoiceFrame[] = [];

  push(frame: VoiceFrame): void {
    const db = dbfs(frame.rms);
    // Fall fast to quieter levels, rise slowly, so speech does not lift the floor.
    this.floorDb = db < this.floorDb ? this.floorDb + (db - this.floorDb) * 0.5 : this.floorDb + (db - this.floorDb) * 0.002;
    this.frames.push(frame);
  }

  isVoiced(frame: VoiceFrame): boolean {
    const db = dbfs(frame.rms);
    return db > -50 && db > this.floorDb + 9 && frame.flatness < 0.45;
  }

  /** Closes the window: the numbers for the frames pushed since the last call. */
  take(windowMs: number): VoiceWindow {
    const frames = this.frames;
    this.frames = [];
    return summariseVoice(frames, windowMs, (f) => this.isVoiced(f));
  }
}

/** A window's voice numbers from its frames and a voicing decision per frame. */
export function summariseVoice(frames: VoiceFrame[], windowMs: number, voiced: (f: VoiceFrame) => boolean): VoiceWindow {
  if (frames.length === 0) return { activity: 0, speakingMs: 0, loudness: 0, pitchVariation: 0, speakingRate: 0 };
  const frameMs = frames.length > 1 ? (frames[frames.length - 1].t - frames[0].t) / (frames.length - 1) : windowMs;
  const flags = frames.map(voiced);
  // Short gaps inside speech (stops, breaths under 200 ms) still count as speaking.
  const bridge = Math.max(1, Math.round(200 / Math.max(frameMs, 1)));
  const speaking = flags.slice();
  let lastVoiced = -Infinity;
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    if (i - lastVoiced > 1 && i - lastVoiced <= bridge) for (let j = lastVoiced + 1; j < i; j++) speaking[j] = true;
    lastVoiced = i;
  }
  const speakingFrames = speaking.filter(Boolean).length;
  const speakingMs = Math.min(windowMs, Math.round(speakingFrames * frameMs));
  const voicedFrames = frames.filter((_, i) => flags[i]);
  const loudness = voicedFrames.length ? clamp01((mean(voicedFrames.map((f) => dbfs(f.rms))) + 60) / 60) : 0;
  const semitones = voicedFrames.filter((f) => f.pitchHz !== null && f.pitchHz > 50 && f.pitchHz < 600).map((f) => 12 * Math.log2(f.pitchHz! / 100));
  const pitchVariation = Math.min(24, std(semitones));
  const peaks = countSyllablePeaks(frames, speaking, frameMs);
  const speakingRate = speakingMs >= 500 ? Math.min(15, peaks / (speakingMs / 1000)) : 0;
  return { activity: round(clamp01(speakingMs / windowMs)), speakingMs, loudness: round(loudness), pitchVariation: round(pitchVariation, 2), speakingRate: round(speakingRate, 2) };
}

/**
 * Syllable nuclei show up as peaks of the loudness envelope. A peak counts when it is the
 * highest point within ±60 ms, lies inside speech, and the envelope dips at least 3 dB
 * between it and the previous peak, so one long vowel is not counted twice.
 */
function countSyllablePeaks(frames: VoiceFrame[], speaking: boolean[], frameMs: number): number {
  const env = frames.map((f) => dbfs(f.rms));
  const reach = Math.max(1, Math.round(60 / Math.max(frameMs, 1)));
  let peaks = 0;
  let lastPeak = -1;
  for (let i = 0; i < env.length; i++) {
    if (!speaking[i]) continue;
    let isMax = true;
    for (let j = Math.max(0, i - reach); j <= Math.min(env.length - 1, i + reach) && isMax; j++) if (env[j] > env[i] || (env[j] === env[i] && j < i)) isMax = false;
    if (!isMax) continue;
    if (lastPeak >= 0) {
      let dip = Infinity;
      for (let j = lastPeak; j <= i; j++) dip = Math.min(dip, env[j]);
      if (Math.min(env[lastPeak], env[i]) - dip < 3) {
        if (env[i] > env[lastPeak]) lastPeak = i;
        continue;
      }
    }
    peaks++;
    lastPeak = i;
  }
  return peaks;
}

// --- face ----------------------------------------------------------------------------------

/** One analysed camera frame, already reduced to numbers on the device. */
export interface FaceFrame {
  t: number;
  present: boolean;
  /** Head turned and tilted toward the screen (yaw and pitch within about 25°). */
  looking: boolean;
  expressions: Partial<Record<Expression, number>>;
}

/** Yaw and pitch in radians (estimated on the device from the face detector's keypoints); within ±0.45 rad (about 25°) counts as facing the screen. */
export const isLookingAtScreen = (yaw: number, pitch: number) => Math.abs(yaw) < 0.45 && Math.abs(pitch) < 0.45;

export function summariseFace(frames: FaceFrame[], windowMs: number): FaceWindow {
  const withFace = frames.filter((f) => f.present);
  const expressions: Partial<Record<Expression, number>> = {};
  if (withFace.length) for (const e of EXPRESSIONS) expressions[e] = round(clamp01(mean(withFace.map((f) => f.expressions[e] ?? 0))));
  return {
    presence: round(frames.length ? withFace.length / frames.length : 0),
    attention: round(withFace.length ? withFace.filter((f) => f.looking).length / withFace.length : 0),
    expressions,
    fps: round(Math.min(FACE_MAX_FPS, frames.length / (windowMs / 1000)), 2),
  };
}

/** −1…1 from expression probabilities: happiness lifts, sadness, anger, fear and disgust lower. */
export function faceValence(face: FaceWindow): number | undefined {
  const x = face.expressions;
  if (face.presence === 0 || x.neutral === undefined) return undefined;
  const v = (x.happy ?? 0) + 0.25 * (x.surprised ?? 0) - (x.sad ?? 0) - (x.angry ?? 0) - 0.75 * (x.fearful ?? 0) - 0.75 * (x.disgusted ?? 0);
  return round(Math.max(-1, Math.min(1, v)));
}

// --- engagement ----------------------------------------------------------------------------

/**
 * Engagement, 0…1: a weighted mean of the components a participant's consent makes
 * available, so someone sharing only voice is judged on voice alone (never penalised for
 * what they chose not to share). With neither voice nor face there is no number.
 *
 *   attention      (face, weight 0.40) = presence × share of frames looking at the screen
 *   expressiveness (face, weight 0.15) = 1 − mean neutral probability
 *   participation  (voice, weight 0.30) = min(1, activity / 0.2): speaking a fifth of the
 *                  window already counts fully, because in a group most engaged time is listening
 *   animation      (voice, weight 0.15) = min(1, pitch variation / 4 semitones), only when
 *                  the person spoke at least 1 s (silence says nothing about animation)
 */
export const ENGAGEMENT_WEIGHTS = { attention: 0.4, expressiveness: 0.15, participation: 0.3, animation: 0.15 } as const;

export function engagementOf(signals: { voice?: VoiceWindow; face?: FaceWindow }): number | undefined {
  const parts: [number, number][] = [];
  const { voice, face } = signals;
  if (face) {
    parts.push([ENGAGEMENT_WEIGHTS.attention, clamp01(face.presence * face.attention)]);
    if (face.presence > 0 && face.expressions.neutral !== undefined) parts.push([ENGAGEMENT_WEIGHTS.expressiveness, clamp01(1 - face.expressions.neutral)]);
  }
  if (voice) {
    parts.push([ENGAGEMENT_WEIGHTS.participation, clamp01(voice.activity / 0.2)]);
    if (voice.speakingMs >= 1000) parts.push([ENGAGEMENT_WEIGHTS.animation, clamp01(voice.pitchVariation / 4)]);
  }
  if (!parts.length) return undefined;
  const total = parts.reduce((a, [w]) => a + w, 0);
  return round(parts.reduce((a, [w, c]) => a + w * c, 0) / total);
}

/** Low, medium or high: words for the strip, so colour never carries the meaning alone. */
export function engagementLevel(engagement: number | undefined): "low" | "medium" | "high" | "unknown" {
  if (engagement === undefined) return "unknown";
  return engagement < 0.35 ? "low" : engagement < 0.65 ? "medium" : "high";
}

/** Each participant's share of the speaking time among those sharing voice. */
export function talkShares(speakingMs: Record<string, number>): Record<string, number> {
  const total = Object.values(speakingMs).reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  for (const [id, ms] of Object.entries(speakingMs)) out[id] = total > 0 ? round(ms / total) : 0;
  return out;
}

// --- gentle nudges -------------------------------------------------------------------------

export type Nudge = { kind: "quiet"; participantId: string; minutes: number } | { kind: "moodDrop"; cardWord?: string; before: number; after: number };

/** Quiet for this long while sharing voice earns a gentle mention. */
export const QUIET_NUDGE_MS = 8 * 60_000;

/** Who has shared voice but not spoken for QUIET_NUDGE_MS; `lastSpokeAt` counts from when they started sharing. */
export function quietNudges(lastSpokeAt: Record<string, number>, now: number): Nudge[] {
  return Object.entries(lastSpokeAt)
    .filter(([, at]) => now - at >= QUIET_NUDGE_MS)
    .map(([participantId, at]) => ({ kind: "quiet" as const, participantId, minutes: Math.floor((now - at) / 60_000) }));
}

/**
 * "The group's mood dropped after this card": the mean text valence of what people wrote
 * after the card was shown is at least 0.3 below the mean before it, with at least two
 * texts on each side so one remark does not speak for the group.
 */
export function moodDropNudge(texts: { at: number; valence: number }[], card: { at: number; word?: string }): Nudge | null {
  const before = texts.filter((x) => x.at < card.at).map((x) => x.valence);
  const after = texts.filter((x) => x.at >= card.at).map((x) => x.valence);
  if (before.length < 2 || after.length < 2) return null;
  const b = mean(before);
  const a = mean(after);
  return b - a >= 0.3 ? { kind: "moodDrop", cardWord: card.word, before: round(b), after: round(a) } : null;
}

// --- HTTP contract -------------------------------------------------------------------------

export const SignalKindSchema = z.enum(SIGNAL_KINDS);

/** The participant's choice for this session; an empty list means text only. */
export const SignalsConsentInput = z.object({
  kinds: z.array(SignalKindSchema, { error: "kinds must be a list of \"voice\" and \"face\"." }).max(2, { error: "Choose at most voice and face." }),
});

/** Organisation-wide switches; both on unless an admin turned one off. */
export const OrgSignalsSettings = z.object({ voice: z.boolean(), face: z.boolean() });
export type OrgSignalsSettings = z.infer<typeof OrgSignalsSettings>;

export const SignalsConsentAnswer = z.object({
  sessionId: z.string(),
  participantId: z.string(),
  /** What the participant agreed to and the organisation allows: what the device may share. */
  kinds: z.array(SignalKindSchema),
  /** What they asked for (a kind the organisation switched off is asked for but not in `kinds`). */
  requested: z.array(SignalKindSchema),
  allowed: OrgSignalsSettings,
  version: z.string(),
  /** When the current choice was recorded; null when they never chose (text only). */
  at: z.string().nullable(),
});
export type SignalsConsentAnswer = z.infer<typeof SignalsConsentAnswer>;

/** After the session: the group by minute (withheld below MIN_GROUP_SIZE) and each person's talk share. */
export const SignalsSummary = z.object({
  sessionId: z.string(),
  timeline: z.array(z.object({ minute: z.string(), contributors: z.number().int(), engagement: z.number().optional(), valence: z.number().optional(), attention: z.number().optional() })),
  participants: z.array(z.object({ participantId: z.string(), displayName: z.string(), minutes: z.number().int(), speakingSeconds: z.number(), talkShare: z.number().optional() })),
});
export type SignalsSummary = z.infer<typeof SignalsSummary>;

/** Text valence of the session (no names) and the cards shown, for the "mood dropped" nudge. */
export const SessionMood = z.object({
  texts: z.array(z.object({ at: z.number(), valence: z.number() })),
  cards: z.array(z.object({ at: z.number(), word: z.string().optional() })),
  nudge: z.object({ kind: z.literal("moodDrop"), cardWord: z.string().optional(), before: z.number(), after: z.number() }).nullable(),
});
export type SessionMood = z.infer<typeof SessionMood>;
