import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import { FACILITATOR, Harness, makeCtx, newSession } from "./test-fixtures";

describe("joining and the lobby", () => {
  it("admits straight away when admission is automatic", () => {
    const h = new Harness();
    h.join("ana", "Ana");
    expect(h.state.participants.ana).toMatchObject({ displayName: "Ana", role: "participant", admitted: true, removed: false, handRaised: false });
  });

  it("keeps people in the lobby when admission is manual until a facilitator admits them", () => {
    const h = new Harness(newSession({ admission: "manual" }));
    h.join("ana", "Ana");
    h.join("cora", "Cora", "cofacilitator");
    expect(h.state.participants.ana.admitted).toBe(false);
    expect(h.state.participants.cora.admitted).toBe(true);
    const waiting = h.reject("ana", { type: "chat.send", payload: { text: "hello?" } });
    expect(waiting).toEqual({ code: "forbidden", message: "You are waiting in the lobby until the facilitator lets you in." });
    h.do("cora", { type: "participant.admit", payload: { participantId: "ana" } });
    expect(h.state.participants.ana.admitted).toBe(true);
    expect(h.reject(FACILITATOR, { type: "participant.admit", payload: { participantId: "ana" } }).code).toBe("conflict");
    h.do("ana", { type: "chat.send", payload: { text: "hello" } });
  });

  it("switching to automatic admission lets everyone waiting in", () => {
    const h = new Harness(newSession({ admission: "manual" }));
    h.join("ana");
    h.join("ben");
    h.do(FACILITATOR, { type: "session.admission", payload: { mode: "auto" } });
    expect(h.state.participants.ana.admitted && h.state.participants.ben.admitted).toBe(true);
    expect(h.reject(FACILITATOR, { type: "session.admission", payload: { mode: "auto" } }).code).toBe("conflict");
  });

  it("refuses to join a locked or ended session, and a client cannot issue a join", () => {
    const h = new Harness();
    h.do(FACILITATOR, { type: "session.lock", payload: {} });
    expect(() => h.join("ana")).toThrow(/locked/);
    const byClient = decide(
      h.state,
      { type: "participant.join", payload: { participantId: "x", displayName: "X", role: "facilitator" } },
      { participantId: "x", role: "participant" },
      makeCtx(),
    );
    expect(byClient.ok).toBe(false);
    h.do(FACILITATOR, { type: "session.unlock", payload: {} });
    h.join("ana");
    h.do(FACILITATOR, { type: "session.end", payload: {} });
    expect(() => h.join("ben")).toThrow(/ended/);
  });

  it("refuses strangers", () => {
    const h = new Harness();
    expect(h.reject("nobody", { type: "hand.raise", payload: {} })).toEqual({ code: "forbidden", message: "You are not part of this session." });
  });
});

describe("removing and renaming", () => {
  it("removes a participant, returning their cards and taking them out of rooms", () => {
    const h = new Harness();
    h.join("ana");
    h.join("ben");
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 2, to: "each" } });
    h.do(FACILITATOR, { type: "breakouts.open", payload: { count: 1 } });
    const pileBefore = h.state.decks.photo.pile.length;
    h.do(FACILITATOR, { type: "participant.remove", payload: { participantId: "ana" } });
    expect(h.state.participants.ana.removed).toBe(true);
    expect(h.hand("ana")).toEqual([]);
    expect(h.state.decks.photo.pile).toHaveLength(pileBefore + 2);
    expect(h.state.breakouts.rooms[0].participantIds).toEqual(["ben"]);
    expect(h.reject("ana", { type: "hand.raise", payload: {} }).message).toMatch(/removed/);
    expect(() => h.join("ana")).toThrow(/removed/);
  });

  it("never removes the facilitator, and participants cannot remove anyone", () => {
    const h = new Harness();
    h.join("ana");
    h.join("cora", "Cora", "cofacilitator");
    expect(h.reject("cora", { type: "participant.remove", payload: { participantId: FACILITATOR } }).code).toBe("conflict");
    expect(h.reject("ana", { type: "participant.remove", payload: { participantId: "cora" } }).code).toBe("forbidden");
  });

  it("lets people rename themselves and facilitators rename anyone", () => {
    const h = new Harness();
    h.join("ana", "Ana");
    h.join("ben", "Ben");
    h.do("ana", { type: "participant.rename", payload: { participantId: "ana", displayName: "Ana M." } });
    expect(h.state.participants.ana.displayName).toBe("Ana M.");
    expect(h.reject("ben", { type: "participant.rename", payload: { participantId: "ana", displayName: "X" } }).code).toBe("forbidden");
    h.do(FACILITATOR, { type: "participant.rename", payload: { participantId: "ben", displayName: "Benjamin" } });
    expect(h.state.participants.ben.displayName).toBe("Benjamin");
  });
});

describe("raised hands", () => {
  it("raises and lowers one's own hand; facilitators lower anyone's", () => {
    const h = new Harness();
    h.join("ana");
    h.join("ben");
    h.now = 5000;
    h.do("ana", { type: "hand.raise", payload: {} });
    expect(h.state.participants.ana).toMatchObject({ handRaised: true, handRaisedAt: 5000 });
    expect(h.reject("ana", { type: "hand.raise", payload: {} }).code).toBe("conflict");
    expect(h.reject("ben", { type: "hand.lower", payload: { participantId: "ana" } }).code).toBe("forbidden");
    h.do(FACILITATOR, { type: "hand.lower", payload: { participantId: "ana" } });
    expect(h.state.participants.ana.handRaised).toBe(false);
    expect(h.state.participants.ana.handRaisedAt).toBeUndefined();
    expect(h.reject("ana", { type: "hand.lower", payload: {} }).message).toBe("Your hand is not raised.");
    h.do("ben", { type: "hand.raise", payload: {} });
    h.do("ben", { type: "hand.lower", payload: {} });
  });
});
