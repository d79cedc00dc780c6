import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vader from "vader-sentiment";
import { describe, expect, it } from "vitest";
import { loadDataset } from "./dataset";
import { polarityScores } from "./vader";

const reference = (text: string) => vader.SentimentIntensityAnalyzer.polarity_scores(text);

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Words that exercise every rule: boosters and dampeners, negations, "never so", "least",
// "kind of", idioms, "but", capitals, and punctuation glued to words.
const RULE_WORDS = [
  "very", "VERY", "so", "this", "never", "not", "isn't", "dont", "without", "least", "at", "kind", "of", "sort", "just",
  "enough", "the", "bomb", "shit", "yeah", "right", "cut", "mustard", "kiss", "death", "hand", "to", "mouth", "bad", "ass",
  "but", "BUT", "barely", "extremely", "I", "feel", "it", "was", "a", "day", ":)", ":-(", "<3", "lol", "LOL",
];
const PUNCTUATION = ["", "", "", ".", ",", "!", "?", "!!", "?!?", "'", '"', "-", ":", "...", "!!!!", "(", ")"];

describe("vader port", () => {
  it("scores the labelled set exactly as the vader-sentiment package does", () => {
    for (const { text } of loadDataset()) {
      expect(polarityScores(text), text).toEqual(reference(text));
      const shouted = text.toUpperCase();
      expect(polarityScores(shouted), shouted).toEqual(reference(shouted));
    }
  });

  it("matches the package on edge cases", () => {
    const texts = [
      "", " ", "!!!", "a", "I", ":)", "not bad at all", "at least it's fine", "very least of my worries", "least happy",
      "It was kind of good", "The food here is the bomb!!", "yeah right, great job", "I never so loved anything",
      "This is GREAT but the rest is TERRIBLE", "but", "Not    good.\tReally\nnot", "\"happy\" 'sad' (angry) -calm-",
      "!!good?? ...bad!!! ?!?!nice!?!?", "kind-of nice, sort-of sad", "Can't stop smiling", "I’m not happy",
      "constructor toString __proto__ hasOwnProperty", "😀 great 👍", "ALL CAPS HAPPY", "Some CAPS happy",
    ];
    for (const text of texts) expect(polarityScores(text), text).toEqual(reference(text));
  });

  it("matches the package on generated sentences over its whole lexicon", () => {
    const path = createRequire(import.meta.url).resolve("vader-sentiment/vader_lexicon.txt");
    const lexicon = readFileSync(path, "utf8")
      .split("\n")
      .map((line) => line.split("\t")[0])
      .filter(Boolean);
    const next = random(7);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(next() * 9);
      const words = Array.from({ length }, () => {
        const word = next() < 0.45 ? pick(lexicon) : pick(RULE_WORDS);
        const cased = next() < 0.1 ? word.toUpperCase() : word;
        return next() < 0.5 ? cased : next() < 0.5 ? pick(PUNCTUATION) + cased : cased + pick(PUNCTUATION);
      });
      const text = words.join(next() < 0.9 ? " " : "  ");
      expect(polarityScores(text), text).toEqual(reference(text));
    }
  });
});
