import { describe, expect, it } from "vitest";
import { lexiconDistribution, scoreLexicon } from "./lexicon";
import { detectLanguage } from "./language";
import { translatedValence } from "./multilingual";

describe("emotion lexicon", () => {
  it("reads a negated fear word as leaning calm", () => {
    const { scores, negations } = scoreLexicon("I'm not afraid of the interview");
    expect(negations).toBe(1);
    expect(scores.fear).toBe(0);
    expect(scores.calm).toBeGreaterThan(0);
  });

  it("ends a negation at punctuation and contrast words", () => {
    const { scores } = scoreLexicon("I'm not angry anymore, just tired and sad");
    expect(scores.anger).toBe(0);
    expect(scores.sadness).toBeGreaterThan(scores.calm);
  });

  it("keeps phrases that contain a negator whole", () => {
    expect(scoreLexicon("I can't believe it").scores.surprise).toBeGreaterThan(0);
    expect(scoreLexicon("I couldn't stop smiling").scores.joy).toBeGreaterThan(0);
    expect(scoreLexicon("I'm no longer worried").scores.fear).toBe(0);
  });

  it("strengthens words after an intensifier and knows inflections", () => {
    expect(scoreLexicon("so happy").scores.joy).toBeGreaterThan(scoreLexicon("happy").scores.joy);
    expect(scoreLexicon("The worries kept me awake").scores.fear).toBeGreaterThan(0);
  });

  it("gives no distribution when no emotion word is present", () => {
    expect(lexiconDistribution(scoreLexicon("The table is made of oak."))).toBeUndefined();
    const mixed = lexiconDistribution(scoreLexicon("I'm excited but nervous"));
    expect(mixed?.joy).toBeGreaterThan(0.2);
    expect(mixed?.fear).toBeGreaterThan(0.2);
  });
});

describe("language detection", () => {
  it.each([
    ["I feel calm today", "en"],
    ["wow", "en"],
    ["Estoy muy triste hoy", "es"],
    ["¡Qué alegría!", "es"],
    ["אני מאוד שמח היום", "he"],
    ["Je suis très content aujourd'hui", "und"],
    ["🙂🙂🙂", "und"],
    ["", "und"],
  ])("%s → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe("translated valence", () => {
  it("scores Spanish and Hebrew with negation", () => {
    expect(translatedValence("es", "Estoy muy triste")).toBeLessThan(-0.3);
    expect(translatedValence("es", "No estoy triste")).toBeGreaterThan(0);
    expect(translatedValence("he", "אני שמח")).toBeGreaterThan(0.3);
    expect(translatedValence("he", "אני לא שמח")).toBeLessThan(0);
    // Attached prefixes ("and the joy") still match.
    expect(translatedValence("he", "והשמחה")).toBeGreaterThan(0);
  });
});
