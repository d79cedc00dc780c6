import { describe, expect, it } from "vitest";
import { FACILITATOR, Harness } from "./test-fixtures";
import { viewState } from "./redact";

function dealtGroup(mode: "face-down" | "face-up" = "face-down"): Harness {
  const h = new Harness();
  h.join("ana");
  h.join("ben");
  h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode, count: 1, to: "each" } });
  return h;
}

describe("reflections", () => {
  it("records private and shared reflections, never dropping one", () => {
    const h = dealtGroup();
    const [card] = h.hand("ana");
    h.now = 7;
    h.do("ana", { type: "reflection.add", payload: { text: "A bridge in fog", visibility: "private", cardId: card } });
    h.do("ben", { type: "reflection.add", payload: { text: "Starting over", visibility: "shared" } });
    expect(h.state.reflections).toEqual([
      { id: expect.any(String), participantId: "ana", text: "A bridge in fog", visibility: "private", cardId: card, at: 7 },
      { id: expect.any(String), participantId: "ben", text: "Starting over", visibility: "shared", at: 7 },
    ]);
    expect(new Set(h.state.reflections.map((r) => r.id)).size).toBe(2);
  });

  it("hides private reflection text from everyone but its author, facilitators included", () => {
    const h = dealtGroup();
    h.do("ana", { type: "reflection.add", payload: { text: "secret", visibility: "private" } });
    h.do("ana", { type: "reflection.add", payload: { text: "open", visibility: "shared" } });
    const forBen = viewState(h.state, { participantId: "ben", role: "participant" }).reflections;
    const forFac = viewState(h.state, { participantId: FACILITATOR, role: "facilitator" }).reflections;
    const forAna = viewState(h.state, { participantId: "ana", role: "participant" }).reflections;
    for (const seen of [forBen, forFac]) {
      expect(seen[0]).toMatchObject({ participantId: "ana", text: "", redacted: true, visibility: "private" });
      expect(seen[1].text).toBe("open");
    }
    expect(forAna[0].text).toBe("secret");
  });

  it("only reflects on a card one can see, and shares about a card only once it is face up", () => {
    const h = dealtGroup();
    const [anas] = h.hand("ana");
    expect(h.reject("ben", { type: "reflection.add", payload: { text: "hmm", visibility: "private", cardId: anas } }).code).toBe("conflict");
    expect(h.reject("ana", { type: "reflection.add", payload: { text: "hmm", visibility: "shared", cardId: anas } }).message).toMatch(/face up/);
    h.do("ana", { type: "card.flip", payload: { cardId: anas } });
    h.do("ana", { type: "reflection.add", payload: { text: "hmm", visibility: "shared", cardId: anas } });
    h.do("ben", { type: "reflection.add", payload: { text: "hers speaks to me", visibility: "private", cardId: anas } });
  });
});

describe("chat, reactions and commitments", () => {
  it("sends chat and counts reactions", () => {
    const h = dealtGroup();
    expect(h.tryInput("ana", { type: "chat.send", payload: { text: "  hello  " } }).ok).toBe(true);
    expect(h.state.chat.at(-1)).toMatchObject({ participantId: "ana", text: "hello" });
    h.do("ana", { type: "reaction.send", payload: { emoji: "👏" } });
    h.do("ben", { type: "reaction.send", payload: { emoji: "👏" } });
    expect(h.state.reactions.counts["👏"]).toBe(2);
    expect(h.state.reactions.recent).toHaveLength(2);
    expect(h.tryInput("ana", { type: "reaction.send", payload: { emoji: "🦄" } })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(h.tryInput("ana", { type: "chat.send", payload: { text: "   " } })).toMatchObject({
      ok: false,
      error: { code: "invalid", message: "The message cannot be empty." },
    });
  });

  it("records commitments with an optional due date", () => {
    const h = dealtGroup();
    h.do("ana", { type: "commitment.add", payload: { text: "Call my sister", due: "2025-03-14" } });
    h.do("ben", { type: "commitment.add", payload: { text: "Walk at lunch" } });
    expect(h.state.commitments).toEqual([
      expect.objectContaining({ participantId: "ana", text: "Call my sister", due: "2025-03-14" }),
      expect.objectContaining({ participantId: "ben", text: "Walk at lunch" }),
    ]);
    expect(h.state.commitments[1]).not.toHaveProperty("due");
    expect(h.tryInput("ana", { type: "commitment.add", payload: { text: "x", due: "tomorrow" } })).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });
  });
});
