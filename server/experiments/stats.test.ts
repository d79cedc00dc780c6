import { describe, expect, it } from "vitest";
import { driftOf, totalVariation } from "./drift";
import { assignArm, bucketOf, wilsonInterval } from "./stats";

describe("Wilson interval", () => {
  it("matches published values", () => {
    // Reference values from the Wilson score formula with z = 1.96.
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 3);
    const big = wilsonInterval(300, 1000)!;
    expect(big.low).toBeCloseTo(0.2724, 3);
    expect(big.high).toBeCloseTo(0.3291, 3);
  });

  it("stays inside 0..1, narrows with more data, and is null without exposures", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    const all = wilsonInterval(10, 10)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeGreaterThan(0.6);
    const small = wilsonInterval(3, 10)!;
    const large = wilsonInterval(300, 1000)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe("arm assignment", () => {
  const arms = [
    { key: "control", weight: 1 },
    { key: "treatment", weight: 1 },
  ];

  it("is stable for a person and independent between experiments", () => {
    for (let i = 0; i < 50; i++) {
      const unit = `person-${i}`;
      const first = assignArm("exp-1", unit, arms).key;
      for (let k = 0; k < 5; k++) expect(assignArm("exp-1", unit, arms).key).toBe(first);
    }
    let same = 0;
    for (let i = 0; i < 2000; i++) if (assignArm("exp-1", `p${i}`, arms).key === assignArm("exp-2", `p${i}`, arms).key) same++;
    expect(same / 2000).toBeGreaterThan(0.45);
    expect(same / 2000).toBeLessThan(0.55);
  });

  it("splits by weight", () => {
    const counts = { control: 0, treatment: 0 };
    const weighted = [
      { key: "control" as const, weight: 3 },
      { key: "treatment" as const, weight: 1 },
    ];
    for (let i = 0; i < 4000; i++) counts[assignArm("exp-w", `unit-${i}`, weighted).key]++;
    expect(counts.control / 4000).toBeGreaterThan(0.72);
    expect(counts.control / 4000).toBeLessThan(0.78);
    expect(bucketOf("x", "y")).toBe(bucketOf("x", "y"));
  });
});

describe("drift", () => {
  const vec = (i: number) => {
    const v = new Float32Array(8);
    v[i] = 1;
    return v;
  };
  it("flags a week whose signal mix or kept-card meaning moved, and not a steady one", () => {
    const steady = new Map([["chosen", 40], ["swapped", 10]]);
    const report = driftOf([
      { week: "2025-01-06", mix: steady, meanEmbedding: vec(0) },
      { week: "2025-01-13", mix: new Map([["chosen", 42], ["swapped", 9]]), meanEmbedding: vec(0) },
      { week: "2025-01-20", mix: new Map([["chosen", 10], ["swapped", 40]]), meanEmbedding: vec(0) },
      { week: "2025-01-27", mix: steady, meanEmbedding: vec(3) },
      { week: "2025-02-03", mix: new Map([["swapped", 5]]), meanEmbedding: null },
    ]);
    expect(report.weeks.map((w) => w.flagged)).toEqual([false, false, true, true, false]);
    expect(report.weeks[2].notes[0]).toMatch(/signal mix shifted/);
    expect(report.weeks[3].notes.join()).toMatch(/moved in meaning/);
    expect(report.weeks[4].notes).toEqual(["not enough data yet"]);
    expect(report.flagged).toBe(true);
    expect(totalVariation(new Map([["a", 1]]), new Map([["b", 1]]))).toBe(1);
  });
});
