import { describe, expect, it } from "vitest";
import { FACILITATOR, Harness, PHASES } from "./test-fixtures";

describe("phases", () => {
  it("starts at the first phase with its planned timer ready", () => {
    const h = new Harness();
    expect(h.state.phase).toEqual({ index: 0, name: "Pause" });
    expect(h.state.status).toBe("lobby");
    expect(h.state.timer).toEqual({ status: "idle", durationMs: 120_000, remainingMs: 120_000 });
  });

  it("moves next and previous within bounds, going live on the first move", () => {
    const h = new Harness();
    expect(h.reject(FACILITATOR, { type: "phase.previous", payload: {} }).message).toMatch(/first phase/);
    h.do(FACILITATOR, { type: "phase.next", payload: {} });
    expect(h.state.status).toBe("live");
    expect(h.state.phase).toEqual({ index: 1, name: "Expand" });
    h.do(FACILITATOR, { type: "phase.next", payload: {} });
    expect(h.state.timer.durationMs).toBe(300_000);
    h.do(FACILITATOR, { type: "phase.next", payload: {} });
    expect(h.state.phase.name).toBe("Do");
    expect(h.reject(FACILITATOR, { type: "phase.next", payload: {} }).message).toMatch(/last phase/);
    h.do(FACILITATOR, { type: "phase.previous", payload: {} });
    expect(h.state.phase.index).toBe(2);
  });

  it("goes to a given phase, refusing one that does not exist or the current one", () => {
    const h = new Harness();
    h.do(FACILITATOR, { type: "phase.goto", payload: { index: 3 } });
    expect(h.state.phase).toEqual({ index: 3, name: "Do" });
    expect(h.reject(FACILITATOR, { type: "phase.goto", payload: { index: PHASES.length } }).code).toBe("invalid");
    expect(h.reject(FACILITATOR, { type: "phase.goto", payload: { index: 3 } }).code).toBe("conflict");
  });

  it("keeps a running timer when the phase changes", () => {
    const h = new Harness();
    h.do(FACILITATOR, { type: "timer.start", payload: { seconds: 30 } });
    h.do(FACILITATOR, { type: "phase.goto", payload: { index: 2 } });
    expect(h.state.timer).toMatchObject({ status: "running", durationMs: 30_000 });
  });

  it("refuses phase changes from participants", () => {
    const h = new Harness();
    h.join("ana");
    expect(h.reject("ana", { type: "phase.next", payload: {} })).toEqual({
      code: "forbidden",
      message: "Only a facilitator can move to the next phase.",
    });
  });
});

describe("the session itself", () => {
  it("starts once", () => {
    const h = new Harness();
    h.do(FACILITATOR, { type: "session.start", payload: {} });
    expect(h.state.status).toBe("live");
    expect(h.reject(FACILITATOR, { type: "session.start", payload: {} }).code).toBe("conflict");
  });

  it("locks and unlocks", () => {
    const h = new Harness();
    h.do(FACILITATOR, { type: "session.lock", payload: {} });
    expect(h.state.locked).toBe(true);
    expect(h.reject(FACILITATOR, { type: "session.lock", payload: {} }).code).toBe("conflict");
    h.do(FACILITATOR, { type: "session.unlock", payload: {} });
    expect(h.reject(FACILITATOR, { type: "session.unlock", payload: {} }).code).toBe("conflict");
  });

  it("toggles suggestions", () => {
    const h = new Harness();
    h.do(FACILITATOR, { type: "suggestions.toggle", payload: { enabled: false } });
    expect(h.state.suggestionsEnabled).toBe(false);
    expect(h.reject(FACILITATOR, { type: "suggestions.toggle", payload: { enabled: false } }).code).toBe("conflict");
  });

  it("ends: rooms close, hands drop, the clock stops, and nothing more is accepted", () => {
    const h = new Harness();
    h.join("ana");
    h.join("ben");
    h.now = 0;
    h.do(FACILITATOR, { type: "timer.start", payload: { seconds: 60 } });
    h.do("ana", { type: "hand.raise", payload: {} });
    h.do(FACILITATOR, { type: "breakouts.open", payload: { count: 2 } });
    h.now = 15_000;
    expect(h.reject("ana", { type: "session.end", payload: {} }).code).toBe("forbidden");
    h.do(FACILITATOR, { type: "session.end", payload: {} });
    expect(h.state).toMatchObject({ status: "ended", endedAt: 15_000 });
    expect(h.state.timer).toEqual({ status: "paused", durationMs: 60_000, remainingMs: 45_000 });
    expect(h.state.breakouts.rooms).toEqual([]);
    expect(h.state.participants.ana.handRaised).toBe(false);
    expect(h.reject("ana", { type: "chat.send", payload: { text: "bye" } }).code).toBe("conflict");
    expect(h.reject(FACILITATOR, { type: "phase.next", payload: {} }).message).toMatch(/ended/);
  });
});
