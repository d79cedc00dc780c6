import { describe, expect, it } from "vitest";
import { applyAll } from "./evolve";
import { redactEvent, viewState } from "./redact";
import { HIDDEN } from "./state";
import { FACILITATOR, Harness } from "./test-fixtures";
import type { Viewer } from "./types";

const ana: Viewer = { participantId: "ana", role: "participant" };
const ben: Viewer = { participantId: "ben", role: "participant" };
const fac: Viewer = { participantId: FACILITATOR, role: "facilitator" };

function dealt(): Harness {
  const h = new Harness();
  h.join("ana");
  h.join("ben");
  h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 1, to: "each" } });
  return h;
}

describe("viewState", () => {
  it("shows a participant their own face-down card but only the slot of someone else's", () => {
    const h = dealt();
    const [anas] = h.hand("ana");
    const [bens] = h.hand("ben");
    const view = viewState(h.state, ana);
    expect(view.cards[anas]).toMatchObject({ cardId: anas, faceUp: false });
    expect(view.cards[bens]).toBeUndefined();
    const hidden = Object.values(view.cards).find((c) => c.hidden);
    expect(hidden).toMatchObject({ location: { kind: "hand", participantId: "ben" }, faceUp: false, hidden: true });
    expect(hidden?.cardId.startsWith(HIDDEN)).toBe(true);
    expect(JSON.stringify(view)).not.toContain(bens);
  });

  it("hides pile order and contents from participants but not from facilitators", () => {
    const h = dealt();
    const view = viewState(h.state, ben);
    expect(view.decks.photo.pile.every((id) => id === HIDDEN)).toBe(true);
    expect(view.decks.photo.pile).toHaveLength(h.state.decks.photo.pile.length);
    expect(Object.values(view.cards).some((c) => c.location.kind === "pile")).toBe(false);
    expect(viewState(h.state, fac).decks).toEqual(h.state.decks);
    expect(viewState(h.state, fac).cards).toEqual(h.state.cards);
  });

  it("trusts the session's record of a role over the one claimed", () => {
    const h = dealt();
    const claimed = viewState(h.state, { participantId: "ana", role: "facilitator" });
    expect(claimed.cards[h.hand("ben")[0]]).toBeUndefined();
  });
});

describe("redactEvent", () => {
  it("keeps every event but hides cards dealt face down to others", () => {
    const h = new Harness();
    h.join("ana");
    h.join("ben");
    const events = h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 1, to: "each" } });
    const forAna = events.map((e) => redactEvent(e, ana));
    expect(forAna.map((e) => e.type)).toEqual(events.map((e) => e.type));
    const deal = forAna.find((e) => e.type === "cards.dealt");
    if (deal?.type !== "cards.dealt") throw new Error("no deal");
    expect(deal.payload.cards.find((c) => c.participantId === "ana")?.cardId).toBe(h.hand("ana")[0]);
    expect(deal.payload.cards.find((c) => c.participantId === "ben")?.cardId).toBe(HIDDEN);
    const load = forAna.find((e) => e.type === "deck.loaded");
    if (load?.type !== "deck.loaded") throw new Error("no load");
    expect(new Set(load.payload.pile)).toEqual(new Set([HIDDEN]));
    expect(events.map((e) => redactEvent(e, fac))).toEqual(events);
  });

  it("reveals a card to everyone when it is turned face up, and follows it by slot", () => {
    const h = dealt();
    const [bens] = h.hand("ben");
    let anaView = viewState(h.state, ana);
    const before = h.state;
    const events = h.do("ben", { type: "card.flip", payload: { cardId: bens } });
    anaView = applyAll(anaView, events.map((e) => redactEvent(e, ana, before)));
    expect(anaView.cards[bens]).toMatchObject({ cardId: bens, faceUp: true, location: { kind: "hand", participantId: "ben" } });
    expect(anaView).toEqual(viewState(h.state, ana));
  });

  it("keeps a private reflection event for others with its text withheld", () => {
    const h = dealt();
    const [e] = h.do("ana", { type: "reflection.add", payload: { text: "only mine", visibility: "private", cardId: h.hand("ana")[0] } });
    for (const viewer of [ben, fac]) {
      const copy = redactEvent(e, viewer);
      expect(copy.type).toBe("reflection.added");
      expect(copy.payload).toMatchObject({ participantId: "ana", text: "", redacted: true });
      expect(copy.payload).not.toHaveProperty("cardId");
    }
    expect(redactEvent(e, ana)).toBe(e);
  });
});
