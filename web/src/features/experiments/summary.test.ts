import { describe, expect, it } from "vitest";
import type { ArmView } from "./api";
import { armsSummary } from "./summary";

const t = (key: string, o: Record<string, unknown> = {}) => `${key}${Object.keys(o).length ? JSON.stringify(o) : ""}`;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const arm = (key: string, exposures: number, successes: number, ci: [number, number] | null, enoughData: boolean): ArmView => ({
  key,
  weight: 1,
  config: {},
  exposures,
  successes,
  rate: exposures ? successes / exposures : null,
  ci: ci ? { low: ci[0], high: ci[1] } : null,
  enoughData,
});

describe("the experiment's text summary", () => {
  it("says there is not enough data until every arm has enough", () => {
    const text = armsSummary(t, pct, [arm("control", 0, 0, null, false), arm("treatment", 40, 10, [0.14, 0.4], true)], 30);
    expect(text).toContain('arms.summaryArmNoData{"arm":"control"}');
    expect(text).toContain('"rate":"25%","low":"14%","high":"40%"');
    expect(text).toMatch(/arms\.summaryWaiting\{"min":30\}$/);
  });

  it("names the leader only when the intervals do not overlap", () => {
    const apart = armsSummary(t, pct, [arm("control", 100, 10, [0.05, 0.17], true), arm("treatment", 100, 40, [0.31, 0.5], true)], 30);
    expect(apart).toMatch(/arms\.summaryLeader\{"arm":"treatment"\}$/);
    const overlapping = armsSummary(t, pct, [arm("control", 100, 30, [0.22, 0.4], true), arm("treatment", 100, 35, [0.26, 0.45], true)], 30);
    expect(overlapping).toMatch(/arms\.summaryOverlap$/);
  });
});
