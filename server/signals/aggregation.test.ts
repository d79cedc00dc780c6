import { describe, expect, it } from "vitest";
import { ENGAGEMENT_WEIGHTS, VoiceAggregator, engagementLevel, engagementOf, faceValence, moodDropNudge, quietNudges, summariseFace, talkShares, voiceWindowSchema, faceWindowSchema } from "../../domain/signals";
import { MinuteSummaries } from "./minutes";
import { faceStream, voiceStream } from "./synthetic";

function voiceWindow(stream: ReturnType<typeof voiceStream>, warmup = true) {
  const agg = new VoiceAggregator();
  // A few seconds of room noise first, as when someone opens the page before speaking.
  if (warmup) for (const f of voiceStream({ ms: 3000, speechFrom: 0, speechTo: 0, syllablesPerSecond: 0, pitchSwing: 0, seed: 9, startT: -3000 })) agg.push(f);
  agg.take(3000);
  for (const f of stream) agg.push(f);
  return agg.take(10_000);
}

describe("voice windows from recorded feature streams", () => {
  it("measures talk time, speaking rate and pitch variation of a speaker", () => {
    const w = voiceWindow(voiceStream({ ms: 10_000, speechFrom: 2000, speechTo: 6000, syllablesPerSecond: 4, pitchSwing: 3 }));
    expect(voiceWindowSchema.parse(w)).toEqual(w);
    expect(w.speakingMs).toBeGreaterThan(3700);
    expect(w.speakingMs).toBeLessThan(4300);
    expect(w.activity).toBeCloseTo(0.4, 1);
    expect(w.speakingRate).toBeGreaterThan(3.4);
    expect(w.speakingRate).toBeLessThan(4.6);
    // A sine swinging ±3 semitones has a standard deviation of 3/√2 ≈ 2.1.
    expect(w.pitchVariation).toBeGreaterThan(1.8);
    expect(w.pitchVariation).toBeLessThan(2.4);
    expect(w.loudness).toBeGreaterThan(0.35);
  });

  it("tells a fast monotone speaker from a slow animated one", () => {
    const fast = voiceWindow(voiceStream({ ms: 10_000, speechFrom: 0, speechTo: 8000, syllablesPerSecond: 6, pitchSwing: 0.3, seed: 3 }));
    const slow = voiceWindow(voiceStream({ ms: 10_000, speechFrom: 0, speechTo: 8000, syllablesPerSecond: 2.5, pitchSwing: 5, seed: 4 }));
    expect(fast.speakingRate).toBeGreaterThan(slow.speakingRate + 2);
    expect(slow.pitchVariation).toBeGreaterThan(fast.pitchVariation + 2);
  });

  it("finds no speech in room noise, even a loud steady fan", () => {
    const quiet = voiceWindow(voiceStream({ ms: 10_000, speechFrom: 0, speechTo: 0, syllablesPerSecond: 0, pitchSwing: 0, seed: 5 }));
    expect(quiet).toEqual({ activity: 0, speakingMs: 0, loudness: 0, pitchVariation: 0, speakingRate: 0 });
    const agg = new VoiceAggregator();
    for (let t = 0; t < 10_000; t += 23) agg.push({ t, rms: 0.05, flatness: 0.8, pitchHz: null });
    expect(agg.take(10_000).speakingMs).toBe(0);
  });

  it("gives the same numbers for the same stream (deterministic)", () => {
    const s = voiceStream({ ms: 10_000, speechFrom: 1000, speechTo: 9000, syllablesPerSecond: 4, pitchSwing: 2, seed: 7 });
    expect(voiceWindow(s)).toEqual(voiceWindow(s));
  });
});

describe("face windows", () => {
  it("counts presence, attention and mean expressions at 2 fps", () => {
    const w = summariseFace(faceStream({ ms: 10_000, fps: 2, present: 0.75, looking: 0.8, expressions: { neutral: 0.6, happy: 0.3, sad: 0.1 } }), 10_000);
    expect(faceWindowSchema.parse(w)).toEqual(w);
    expect(w.presence).toBe(0.75);
    expect(w.attention).toBe(0.8);
    expect(w.fps).toBe(2);
    expect(w.expressions.neutral).toBeCloseTo(0.6, 1);
    expect(w.expressions.happy).toBeCloseTo(0.3, 1);
    expect(faceValence(w)).toBeCloseTo(0.2, 1);
  });
  it("has no expressions and no valence without a face", () => {
    const w = summariseFace(faceStream({ ms: 10_000, fps: 1, present: 0, looking: 0, expressions: {} }), 10_000);
    expect(w).toMatchObject({ presence: 0, attention: 0, expressions: {}, fps: 1 });
    expect(faceValence(w)).toBeUndefined();
  });
});

describe("engagement", () => {
  const face = { presence: 1, attention: 1, expressions: { neutral: 0.5 }, fps: 2 };
  const voice = { activity: 0.2, speakingMs: 2000, loudness: 0.5, pitchVariation: 4, speakingRate: 4 };
  it("combines only what the person shares", () => {
    expect(engagementOf({})).toBeUndefined();
    // Voice only: participation 1 and animation 1.
    expect(engagementOf({ voice })).toBe(1);
    // Face only: attention 1 (0.40) and expressiveness 0.5 (0.15) → 0.475 / 0.55.
    expect(engagementOf({ face })).toBeCloseTo((0.4 + 0.15 * 0.5) / 0.55, 3);
    const w = ENGAGEMENT_WEIGHTS;
    expect(engagementOf({ voice, face })).toBeCloseTo((w.attention + w.expressiveness * 0.5 + w.participation + w.animation) / 1, 3);
  });
  it("does not judge animation during silence, and names the level in words", () => {
    expect(engagementOf({ voice: { ...voice, activity: 0, speakingMs: 0, pitchVariation: 0 } })).toBe(0);
    expect([engagementLevel(undefined), engagementLevel(0.2), engagementLevel(0.5), engagementLevel(0.9)]).toEqual(["unknown", "low", "medium", "high"]);
  });
  it("shares talk time and nudges gently", () => {
    expect(talkShares({ a: 3000, b: 1000, c: 0 })).toEqual({ a: 0.75, b: 0.25, c: 0 });
    expect(talkShares({ a: 0 })).toEqual({ a: 0 });
    const now = 20 * 60_000;
    expect(quietNudges({ dana: now - 8 * 60_000, omer: now - 60_000 }, now)).toEqual([{ kind: "quiet", participantId: "dana", minutes: 8 }]);
    const texts = [
      { at: 1, valence: 0.5 },
      { at: 2, valence: 0.4 },
      { at: 11, valence: -0.1 },
      { at: 12, valence: 0 },
    ];
    expect(moodDropNudge(texts, { at: 10, word: "Storm" })).toMatchObject({ kind: "moodDrop", cardWord: "Storm" });
    expect(moodDropNudge(texts.slice(0, 3), { at: 10 })).toBeNull();
    expect(moodDropNudge(texts, { at: 0 })).toBeNull();
  });
});

describe("minute summaries", () => {
  it("folds windows into one row per person and minute, with means and talk seconds", () => {
    const m = new MinuteSummaries();
    const minute = Date.UTC(2025, 0, 1, 10, 0);
    const voice = { activity: 0.3, speakingMs: 3000, loudness: 0.5, pitchVariation: 2, speakingRate: 4 };
    m.add("s", "a", minute + 10_000, { windowMs: 10_000, voice, engagement: 0.6 });
    m.add("s", "a", minute + 20_000, { windowMs: 10_000, voice: { ...voice, speakingMs: 1000, activity: 0.1 }, engagement: 0.4 });
    m.add("s", "b", minute + 20_000, { windowMs: 10_000, face: { presence: 1, attention: 0.5, expressions: { happy: 0.2 }, fps: 2 } });
    m.add("s", "a", minute + 70_000, { windowMs: 10_000, voice });
    expect(m.takeDue(minute + 61_000)).toEqual([]);
    const due = m.takeDue(minute + 66_000);
    expect(due).toHaveLength(2);
    const a = due.find((r) => r.participantId === "a")!;
    expect(a.minute.getTime()).toBe(minute);
    expect(a.metrics).toMatchObject({ windows: 2, seconds: 20, speakingSeconds: 4, voiceActivity: 0.2, engagement: 0.5 });
    const b = due.find((r) => r.participantId === "b")!;
    expect(b.metrics).toMatchObject({ presence: 1, attention: 0.5, happy: 0.2 });
    expect(b.metrics.speakingSeconds).toBeUndefined();
    expect(m.takeAll()).toHaveLength(1);
    expect(m.takeAll()).toHaveLength(0);
  });
});
