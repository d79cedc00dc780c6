import { describe, expect, it } from "vitest";
import { FACILITATOR, Harness } from "./test-fixtures";

function group(size: number): Harness {
  const h = new Harness();
  for (let i = 1; i <= size; i++) h.join(`p${i}`);
  return h;
}

describe("breakout rooms", () => {
  it("opens auto-balanced rooms whose sizes differ by at most one, everyone placed once", () => {
    for (const [people, rooms] of [[7, 3], [2, 2], [5, 1], [3, 5], [10, 4]] as const) {
      const h = group(people);
      h.do(FACILITATOR, { type: "breakouts.open", payload: { count: rooms } });
      const sizes = h.state.breakouts.rooms.map((r) => r.participantIds.length);
      expect(sizes).toHaveLength(rooms);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      const placed = h.state.breakouts.rooms.flatMap((r) => r.participantIds).sort();
      expect(placed).toEqual(Array.from({ length: people }, (_, i) => `p${i + 1}`).sort());
    }
  });

  it("honours a manual assignment and places the rest automatically", () => {
    const h = group(4);
    h.do(FACILITATOR, { type: "breakouts.open", payload: { count: 2, assignment: { p1: 1, p2: 1 } } });
    const [a, b] = h.state.breakouts.rooms;
    expect(b.participantIds.slice(0, 2)).toEqual(["p1", "p2"]);
    expect(a.participantIds.sort()).toEqual(["p3", "p4"]);
  });

  it("refuses a room that does not exist and someone who is not in the session", () => {
    const h = group(2);
    expect(h.reject(FACILITATOR, { type: "breakouts.open", payload: { count: 2, assignment: { p1: 5 } } }).code).toBe("invalid");
    expect(h.reject(FACILITATOR, { type: "breakouts.open", payload: { count: 2, assignment: { ghost: 0 } } }).code).toBe("conflict");
  });

  it("moves someone between rooms, keeping them in exactly one", () => {
    const h = group(4);
    h.do(FACILITATOR, { type: "breakouts.open", payload: { count: 2, assignment: { p1: 0 } } });
    h.do(FACILITATOR, { type: "breakouts.move", payload: { participantId: "p1", roomIndex: 1 } });
    const where = h.state.breakouts.rooms.filter((r) => r.participantIds.includes("p1")).map((r) => r.index);
    expect(where).toEqual([1]);
    expect(h.reject(FACILITATOR, { type: "breakouts.move", payload: { participantId: "p1", roomIndex: 1 } }).code).toBe("conflict");
    expect(h.reject(FACILITATOR, { type: "breakouts.move", payload: { participantId: "p1", roomIndex: 2 } }).code).toBe("invalid");
    expect(h.reject("p2", { type: "breakouts.move", payload: { participantId: "p2", roomIndex: 0 } }).code).toBe("forbidden");
  });

  it("broadcasts to rooms and lets a participant call the facilitator into theirs", () => {
    const h = group(2);
    h.now = 42;
    expect(h.reject(FACILITATOR, { type: "breakouts.broadcast", payload: { text: "Two minutes left" } }).code).toBe("conflict");
    expect(h.reject("p1", { type: "breakouts.callFacilitator", payload: {} }).code).toBe("conflict");
    h.do(FACILITATOR, { type: "breakouts.open", payload: { count: 2, assignment: { p1: 0, p2: 1 } } });
    h.do(FACILITATOR, { type: "breakouts.broadcast", payload: { text: "Two minutes left" } });
    expect(h.state.breakouts.broadcasts).toEqual([{ id: expect.any(String), text: "Two minutes left", at: 42 }]);
    h.do("p2", { type: "breakouts.callFacilitator", payload: {} });
    expect(h.state.breakouts.calls).toEqual([{ roomIndex: 1, participantId: "p2", at: 42 }]);
    expect(h.reject("p1", { type: "breakouts.broadcast", payload: { text: "hi" } }).code).toBe("forbidden");
  });

  it("closes rooms, after which moves and a second close are refused", () => {
    const h = group(3);
    h.do(FACILITATOR, { type: "breakouts.open", payload: { count: 2 } });
    expect(h.reject(FACILITATOR, { type: "breakouts.open", payload: { count: 2 } }).code).toBe("conflict");
    h.do(FACILITATOR, { type: "breakouts.close", payload: {} });
    expect(h.state.breakouts.rooms).toEqual([]);
    expect(h.state.breakouts.calls).toEqual([]);
    expect(h.reject(FACILITATOR, { type: "breakouts.close", payload: {} }).code).toBe("conflict");
    expect(h.reject(FACILITATOR, { type: "breakouts.move", payload: { participantId: "p1", roomIndex: 0 } }).code).toBe("conflict");
  });
});
