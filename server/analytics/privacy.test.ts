import { describe, expect, it } from "vitest";
import { laplaceNoise, MIN_GROUP_SIZE, OPEN, protect } from "./privacy";
import { findThemes } from "./themes";

describe("privacy rules", () => {
  it.each([0.5, 1, 2])("draws Laplace noise with mean 0 and variance 2/ε² (ε = %s)", (epsilon) => {
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let within = 0;
    const b = 1 / epsilon;
    for (let i = 0; i < n; i++) {
      const x = laplaceNoise(epsilon);
      sum += x;
      sumSq += x * x;
      if (Math.abs(x) <= b) within++;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    const expected = 2 / epsilon ** 2;
    // Standard error of the mean is sqrt(2b²/n); allow five of them.
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expected / n));
    expect(variance / expected).toBeGreaterThan(0.95);
    expect(variance / expected).toBeLessThan(1.05);
    // P(|X| ≤ b) = 1 − e⁻¹ for the Laplace distribution.
    expect(within / n).toBeCloseTo(1 - Math.exp(-1), 2);
  });

  it("withholds figures over fewer than five people and keeps the rest exact without ε", () => {
    const rules = { suppressSmallGroups: true, epsilon: null };
    expect(protect(12, MIN_GROUP_SIZE - 1, rules)).toEqual({ value: null, suppressed: true });
    expect(protect(12, MIN_GROUP_SIZE, rules)).toEqual({ value: 12, suppressed: false });
    expect(protect(3, 2, OPEN)).toEqual({ value: 3, suppressed: false });
  });

  it("rounds noisy counts, never below zero, and leaves measures exact", () => {
    const rules = { suppressSmallGroups: true, epsilon: 0.1 };
    for (let i = 0; i < 200; i++) {
      const f = protect(6, 6, rules);
      expect(Number.isInteger(f.value)).toBe(true);
      expect(f.value).toBeGreaterThanOrEqual(0);
    }
    expect(protect(93.5, 6, rules, "measure").value).toBe(93.5);
  });
});

describe("themes", () => {
  it("clusters reflections by meaning and names each cluster by its words", () => {
    const e = (i: number) => Array.from({ length: 8 }, (_, d) => (d === i ? 1 : 0.05));
    const items = [
      ...["my family needs more time", "time with family matters", "family dinner time again"].map((text) => ({ text, embedding: e(0) })),
      ...["work deadline stress", "stress at work again", "the work stress grows"].map((text) => ({ text, embedding: e(3) })),
    ];
    const themes = findThemes(items);
    expect(themes).toHaveLength(2);
    expect(themes.every((t) => t.size === 3)).toBe(true);
    expect(themes.find((t) => t.words.includes("family"))).toBeDefined();
    expect(themes.find((t) => t.words.includes("work") || t.words.includes("stress"))).toBeDefined();
  });

  it("returns nothing for fewer than two reflections", () => {
    expect(findThemes([{ text: "alone", embedding: [1, 0] }])).toEqual([]);
  });
});
