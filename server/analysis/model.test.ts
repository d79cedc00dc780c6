import { describe, expect, it } from "vitest";
import { loadDataset } from "./dataset";
import { score } from "./metrics";
import { analyzeBatch } from "./service";
import { loadEmotionModel } from "./classifier";
import { EMOTIONS } from "./types";

// Floors a little under the committed model's figures (docs/MODELS.md), so retraining noise
// passes but a broken model, feature change or data file fails.
const ACCURACY_FLOOR = 0.85;
const MACRO_F1_FLOOR = 0.85;
const VALENCE_SIGN_FLOOR = 0.7;

describe("committed emotion model", () => {
  it("matches the feature layout and label set", () => {
    const file = loadEmotionModel();
    expect(file.model.labels).toEqual([...EMOTIONS]);
    expect(file.model.mean).toHaveLength(file.featureNames.length);
  });

  it("has a balanced, stratified labelled set", () => {
    const data = loadDataset();
    expect(data.length).toBeGreaterThanOrEqual(600);
    for (const e of EMOTIONS) {
      const ofEmotion = data.filter((d) => d.emotion === e);
      expect(ofEmotion.length).toBeGreaterThanOrEqual(110);
      const testShare = ofEmotion.filter((d) => d.split === "test").length / ofEmotion.length;
      expect(testShare).toBeGreaterThan(0.15);
      expect(testShare).toBeLessThan(0.25);
    }
  });

  it("reaches the accuracy floor on the held-out split", async () => {
    const test = loadDataset().filter((d) => d.split === "test");
    const card = score(test, await analyzeBatch(test.map((d) => d.text)));
    expect(card.accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(card.macroF1).toBeGreaterThanOrEqual(MACRO_F1_FLOOR);
    expect(card.valenceSignAccuracy).toBeGreaterThanOrEqual(VALENCE_SIGN_FLOOR);
  });
});
