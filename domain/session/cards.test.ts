import { describe, expect, it } from "vitest";
import { DECKS, FACILITATOR, Harness } from "./test-fixtures";

function groupOfTwo(): Harness {
  const h = new Harness();
  h.join("ana", "Ana");
  h.join("ben", "Ben");
  return h;
}

describe("dealing cards", () => {
  it("deals face down to each participant, recording the shuffled pile and the draws", () => {
    const h = groupOfTwo();
    const events = h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 2, to: "each" } });
    expect(events.map((e) => e.type)).toEqual(["session.started", "deck.loaded", "cards.dealt"]);
    expect(h.hand("ana")).toHaveLength(2);
    expect(h.hand("ben")).toHaveLength(2);
    expect(h.hand(FACILITATOR)).toHaveLength(0);
    expect(h.state.decks.photo.pile).toHaveLength(DECKS.photo.length - 4);
    for (const id of [...h.hand("ana"), ...h.hand("ben")]) expect(h.state.cards[id].faceUp).toBe(false);
    expect(h.state.status).toBe("live");
  });

  it("does not load the deck twice", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 1, to: "each" } });
    const events = h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 1, to: "each" } });
    expect(events.map((e) => e.type)).toEqual(["cards.dealt"]);
    expect(h.state.decks.photo.pile).toHaveLength(DECKS.photo.length - 4);
  });

  it("deals chosen cards to one participant, loading the pile with them on top", () => {
    const h = groupOfTwo();
    const events = h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "each", cardIds: ["photo-07"], participantId: "ben" } });
    expect(events.map((e) => e.type)).toEqual(["session.started", "deck.loaded", "cards.dealt"]);
    expect(h.hand("ben")).toEqual(["photo-07"]);
    expect(h.hand("ana")).toHaveLength(0);
    expect(h.state.decks.photo.pile).toHaveLength(DECKS.photo.length - 1);
    expect(h.state.decks.photo.pile).not.toContain("photo-07");
    // A second chosen card from a deck already in play: the pile is reordered, nothing else moves.
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "table", cardIds: ["photo-02"] } });
    expect(h.state.cards["photo-02"].location).toEqual({ kind: "table" });
    expect(h.state.decks.photo.pile).toHaveLength(DECKS.photo.length - 2);
  });

  it("refuses a chosen card already in play or from another deck, and someone who is not a participant", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "table", cardIds: ["photo-01"] } });
    expect(h.reject(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "table", cardIds: ["photo-01"] } }).message).toMatch(/already in play/);
    expect(h.reject(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "table", cardIds: ["word-1"] } }).message).toMatch(/not in this deck/);
    expect(h.reject(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "each", participantId: "nobody" } }).code).toBe("conflict");
  });

  it("refuses an unknown deck, too many cards, and dealing to nobody", () => {
    const h = new Harness();
    expect(h.reject(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "each" } }).code).toBe("conflict");
    h.join("ana");
    expect(h.reject(FACILITATOR, { type: "cards.deal", payload: { deckId: "nope", mode: "face-up", count: 1, to: "table" } }).code).toBe("invalid");
    const tooMany = h.reject(FACILITATOR, { type: "cards.deal", payload: { deckId: "word", mode: "face-up", count: 7, to: "table" } });
    expect(tooMany.code).toBe("conflict");
    expect(tooMany.message).toMatch(/6 cards left/);
  });

  it("is only for facilitators", () => {
    const h = groupOfTwo();
    expect(h.reject("ana", { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "table" } }).code).toBe("forbidden");
  });
});

describe("spreading face up and choosing", () => {
  it("lets a participant choose a table card, which is then no longer available to others", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 5, to: "table" } });
    expect(h.table()).toHaveLength(5);
    const [pick] = h.table();
    h.do("ana", { type: "card.choose", payload: { cardId: pick } });
    expect(h.state.cards[pick]).toMatchObject({ location: { kind: "hand", participantId: "ana" }, chosenBy: "ana", faceUp: true });
    const taken = h.reject("ben", { type: "card.choose", payload: { cardId: pick } });
    expect(taken.code).toBe("conflict");
    expect(h.reject("ana", { type: "card.choose", payload: { cardId: pick } }).message).toMatch(/already in your hand/);
  });

  it("refuses to choose a card still in the pile or unknown", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "table" } });
    const inPile = h.state.decks.photo.pile[0];
    expect(h.reject("ana", { type: "card.choose", payload: { cardId: inPile } }).code).toBe("conflict");
    expect(h.reject("ana", { type: "card.choose", payload: { cardId: "nothing" } }).code).toBe("conflict");
  });
});

describe("flipping, swapping, placing", () => {
  it("lets the holder turn their card over, and nobody else but the facilitator", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 1, to: "each" } });
    const [card] = h.hand("ana");
    expect(h.reject("ben", { type: "card.flip", payload: { cardId: card } }).code).toBe("conflict");
    h.do("ana", { type: "card.flip", payload: { cardId: card } });
    expect(h.state.cards[card].faceUp).toBe(true);
    h.do(FACILITATOR, { type: "card.flip", payload: { cardId: card } });
    expect(h.state.cards[card].faceUp).toBe(false);
  });

  it("swap returns the card to the bottom of the pile and draws another from the same deck", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "word", mode: "face-down", count: 1, to: "each" } });
    const [old] = h.hand("ana");
    const top = h.state.decks.word.pile[0];
    h.do("ana", { type: "card.swap", payload: { cardId: old } });
    expect(h.hand("ana")).toEqual([top]);
    expect(h.state.cards[old].location).toEqual({ kind: "pile" });
    expect(h.state.decks.word.pile.at(-1)).toBe(old);
    expect(h.state.decks.word.pile).toHaveLength(DECKS.word.length - 2);
    expect(h.reject("ben", { type: "card.swap", payload: { cardId: top } }).code).toBe("conflict");
  });

  it("swap is refused when the deck has nothing else", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "word", mode: "face-down", count: 3, to: "each" } });
    expect(h.reject("ana", { type: "card.swap", payload: { cardId: h.hand("ana")[0] } }).message).toMatch(/no other cards/);
  });

  it("place moves your own card onto the shared table", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 1, to: "each" } });
    const [card] = h.hand("ana");
    expect(h.reject("ben", { type: "card.place", payload: { cardId: card } }).code).toBe("conflict");
    h.do("ana", { type: "card.place", payload: { cardId: card } });
    expect(h.state.cards[card]).toMatchObject({ location: { kind: "table" }, chosenBy: "ana" });
    expect(h.reject("ben", { type: "card.choose", payload: { cardId: card } }).code).toBe("conflict");
    h.do("ana", { type: "card.choose", payload: { cardId: card } });
    expect(h.hand("ana")).toEqual([card]);
  });
});

describe("spotlight and collecting", () => {
  it("spotlights a face-up card and clears it when the card is turned down", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 1, to: "each" } });
    const [card] = h.hand("ana");
    expect(h.reject(FACILITATOR, { type: "card.spotlight", payload: { cardId: card } }).message).toMatch(/face up/);
    h.do("ana", { type: "card.flip", payload: { cardId: card } });
    expect(h.reject("ana", { type: "card.spotlight", payload: { cardId: card } }).code).toBe("forbidden");
    h.do(FACILITATOR, { type: "card.spotlight", payload: { cardId: card } });
    expect(h.state.spotlight).toMatchObject({ cardId: card, participantId: "ana" });
    h.do("ana", { type: "card.flip", payload: { cardId: card } });
    expect(h.state.spotlight).toBeNull();
    expect(h.reject(FACILITATOR, { type: "spotlight.clear", payload: {} }).code).toBe("conflict");
  });

  it("collects every card back into its pile, reshuffled", () => {
    const h = groupOfTwo();
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "photo", mode: "face-up", count: 3, to: "each" } });
    h.do(FACILITATOR, { type: "cards.deal", payload: { deckId: "word", mode: "face-up", count: 2, to: "table" } });
    h.do(FACILITATOR, { type: "card.spotlight", payload: { cardId: h.table()[0] } });
    const before = h.state.decks.photo.pile.slice();
    h.do(FACILITATOR, { type: "cards.collect", payload: {} });
    expect(h.hand("ana")).toEqual([]);
    expect(h.table()).toEqual([]);
    expect(h.state.spotlight).toBeNull();
    expect([...h.state.decks.photo.pile].sort()).toEqual([...DECKS.photo].sort());
    expect([...h.state.decks.word.pile].sort()).toEqual([...DECKS.word].sort());
    expect(h.state.decks.photo.pile.slice(0, before.length)).not.toEqual(before);
    for (const card of Object.values(h.state.cards)) expect(card).toMatchObject({ location: { kind: "pile" }, faceUp: false });
    expect(h.reject(FACILITATOR, { type: "cards.collect", payload: {} }).code).toBe("conflict");
  });
});
