import { describe, expect, it } from "vitest";
import { analyzeBatch, analyzeText, analyzeTextFast, blendValence } from "./service";
import { EMOTIONS, flatEmotions, type TextAnalysis } from "./types";

function expectWellFormed(result: TextAnalysis): void {
  const sum = EMOTIONS.reduce((s, e) => s + result.emotions[e], 0);
  expect(sum).toBeCloseTo(1, 2);
  for (const e of EMOTIONS) {
    expect(result.emotions[e]).toBeGreaterThanOrEqual(0);
    expect(result.emotions[e]).toBeLessThanOrEqual(1);
  }
  expect(result.valence).toBeGreaterThanOrEqual(-1);
  expect(result.valence).toBeLessThanOrEqual(1);
  if (result.dominant !== "unknown") {
    const top = Math.max(...EMOTIONS.map((e) => result.emotions[e]));
    expect(result.emotions[result.dominant]).toBe(top);
  }
}

describe("analyzeText", () => {
  it("reads clear English emotions with a consistent dominant", async () => {
    const cases = [
      ["We got the keys to our new home today and I can't stop smiling!", "joy", 1],
      ["Since my grandmother died the house feels so empty.", "sadness", -1],
      ["I'm furious that they changed the plan behind my back.", "anger", -1],
      ["I'm terrified the scan will show something bad.", "fear", -1],
      ["Sitting by the lake, my breathing slows and I feel at peace.", "calm", 1],
      ["I turned the card over and, to my astonishment, it was the same one as last year.", "surprise", 0],
    ] as const;
    const results = await analyzeBatch(cases.map(([text]) => text));
    results.forEach((result, i) => {
      const [, emotion, sign] = cases[i];
      expectWellFormed(result);
      expect(result.language).toBe("en");
      expect(result.dominant).toBe(emotion);
      if (sign !== 0) expect(Math.sign(result.valence)).toBe(sign);
    });
  });

  it("settles reflective sentences that vader scores as exactly neutral", async () => {
    const result = await analyzeText("I notice I'm holding my breath when I think about the meeting");
    expect(result.dominant).toBe("fear");
    expect(result.valence).toBeLessThan(-0.2);
  });

  it("handles negation", async () => {
    const notAfraid = await analyzeText("I'm not afraid anymore.");
    expect(notAfraid.dominant).not.toBe("fear");
    expect(notAfraid.valence).toBeGreaterThan(-0.1);
    const notHappy = await analyzeText("I'm not happy here.");
    expect(notHappy.dominant).not.toBe("joy");
    expect(notHappy.valence).toBeLessThan(0);
  });

  it("keeps both sides of mixed feelings", async () => {
    const [excitedButScared, happyButScared] = await analyzeBatch([
      "I'm excited about the new job but also scared I'll fail.",
      "I'm happy but also a bit scared",
    ]);
    for (const result of [excitedButScared, happyButScared]) {
      expectWellFormed(result);
      expect(result.emotions.joy + result.emotions.fear).toBeGreaterThan(0.6);
      expect(Math.min(result.emotions.joy, result.emotions.fear)).toBeGreaterThan(0.1);
    }
    // The milder wording stays near the middle instead of swinging to one pole.
    expect(Math.abs(happyButScared.valence)).toBeLessThan(0.5);
  });

  it.each(["", "   \n\t ", "🙂🙂🙂", "!!!???", "1234 5678"])("answers neutral and unknown for %j", async (text) => {
    const result = await analyzeText(text);
    expect(result).toEqual({ valence: 0, emotions: expect.any(Object), dominant: "unknown", language: "und" });
    expectWellFormed(result);
  });

  it("does not throw on very long input", async () => {
    const long = "I feel calm and grateful today. ".repeat(2_000);
    const result = await analyzeText(long);
    expectWellFormed(result);
    expect(result.language).toBe("en");
    expect(analyzeTextFast(long).language).toBe("en");
  });

  it("degrades for Spanish and Hebrew: valence only, flat emotions, unknown dominant", async () => {
    const [es, he, heSad] = await analyzeBatch(["Hoy estoy muy feliz con mi familia", "אני מאוד שמח היום", "אני עצוב ובודד"]);
    for (const r of [es, he, heSad]) {
      expect(r.dominant).toBe("unknown");
      expect(r.emotions).toEqual(analyzeTextFast("").emotions);
    }
    expect(es.language).toBe("es");
    expect(es.valence).toBeGreaterThan(0.3);
    expect(he.language).toBe("he");
    expect(he.valence).toBeGreaterThan(0.3);
    expect(heSad.valence).toBeLessThan(-0.3);
  });
});

describe("analyzeTextFast", () => {
  it("uses the lexicon and says unknown when it has no emotion words", () => {
    const joyful = analyzeTextFast("I'm so happy for my sister!");
    expectWellFormed(joyful);
    expect(joyful.dominant).toBe("joy");
    expect(joyful.valence).toBeGreaterThan(0.3);
    expect(analyzeTextFast("The table is made of oak.").dominant).toBe("unknown");
    expect(analyzeTextFast("I'm not afraid of the dark").dominant).toBe("calm");
  });
});

describe("blendValence", () => {
  it("follows the emotions when vader is silent and vader when it is sure", () => {
    const sad = { ...flatEmotions(), joy: 0, sadness: 1, anger: 0, fear: 0, surprise: 0, calm: 0 };
    expect(blendValence(0, sad)).toBeCloseTo(-0.7);
    expect(blendValence(0.9, sad)).toBeGreaterThan(0.4);
    expect(blendValence(-1, { ...sad, sadness: 0, joy: 1 })).toBeLessThan(-0.5);
  });
});
