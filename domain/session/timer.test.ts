import { describe, expect, it } from "vitest";
import { FACILITATOR, Harness, newSession } from "./test-fixtures";
import { timerAt, timerRemainingMs } from "./timer";

describe("the session timer", () => {
  it("starts, counts down from the injected clock, pauses and resumes", () => {
    const h = new Harness(newSession({ phases: [{ name: "Pause" }] }));
    h.now = 10_000;
    h.do(FACILITATOR, { type: "timer.start", payload: { seconds: 60 } });
    expect(h.state.timer).toMatchObject({ status: "running", durationMs: 60_000, startedAt: 10_000, endsAt: 70_000 });
    expect(timerRemainingMs(h.state.timer, 25_000)).toBe(45_000);
    h.now = 30_000;
    h.do(FACILITATOR, { type: "timer.pause", payload: {} });
    expect(h.state.timer).toEqual({ status: "paused", durationMs: 60_000, remainingMs: 40_000 });
    expect(timerRemainingMs(h.state.timer, 999_999)).toBe(40_000);
    expect(h.reject(FACILITATOR, { type: "timer.pause", payload: {} }).code).toBe("conflict");
    h.now = 100_000;
    h.do(FACILITATOR, { type: "timer.resume", payload: {} });
    expect(h.state.timer).toMatchObject({ status: "running", endsAt: 140_000 });
    expect(h.reject(FACILITATOR, { type: "timer.resume", payload: {} }).code).toBe("conflict");
  });

  it("never reports negative time, even long after it ran out", () => {
    const h = new Harness();
    h.do(FACILITATOR, { type: "timer.start", payload: { seconds: 1 } });
    expect(timerRemainingMs(h.state.timer, h.now + 3_600_000)).toBe(0);
    expect(timerAt(h.state.timer, h.now + 5000).remainingMs).toBe(0);
    h.now += 10_000;
    h.do(FACILITATOR, { type: "timer.pause", payload: {} });
    expect(h.state.timer.remainingMs).toBe(0);
  });

  it("extends a running timer from what is left, or from now when it already ran out", () => {
    const h = new Harness();
    h.now = 0;
    h.do(FACILITATOR, { type: "timer.start", payload: { seconds: 60 } });
    h.now = 20_000;
    h.do(FACILITATOR, { type: "timer.extend", payload: { seconds: 30 } });
    expect(h.state.timer).toMatchObject({ durationMs: 90_000, endsAt: 90_000 });
    h.now = 200_000;
    h.do(FACILITATOR, { type: "timer.extend", payload: { seconds: 10 } });
    expect(h.state.timer.endsAt).toBe(210_000);
    h.do(FACILITATOR, { type: "timer.pause", payload: {} });
    h.do(FACILITATOR, { type: "timer.extend", payload: { seconds: 5 } });
    expect(h.state.timer).toMatchObject({ status: "paused", remainingMs: 15_000 });
  });

  it("resets to idle with the full duration, and cannot extend an idle timer", () => {
    const h = new Harness(newSession({ phases: [{ name: "Pause" }] }));
    expect(h.reject(FACILITATOR, { type: "timer.extend", payload: { seconds: 5 } }).code).toBe("conflict");
    h.do(FACILITATOR, { type: "timer.start", payload: { seconds: 60 } });
    h.now += 5000;
    h.do(FACILITATOR, { type: "timer.reset", payload: {} });
    expect(h.state.timer).toEqual({ status: "idle", durationMs: 60_000, remainingMs: 60_000 });
    expect(h.reject(FACILITATOR, { type: "timer.reset", payload: {} }).code).toBe("conflict");
  });

  it("is the facilitator's to run", () => {
    const h = new Harness();
    h.join("ana");
    for (const type of ["timer.pause", "timer.resume", "timer.reset"] as const) {
      expect(h.reject("ana", { type, payload: {} }).code).toBe("forbidden");
    }
    expect(h.reject("ana", { type: "timer.start", payload: { seconds: 5 } }).code).toBe("forbidden");
  });
});
