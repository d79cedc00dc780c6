import type { EventOf } from "./events";
import { HIDDEN, cardKey, findCardKey } from "./state";
import type { CardLocation, CardState, SessionState } from "./types";

// Applying card events. These run on the full state (server) and on a participant's
// redacted copy (browser), where some card ids are the HIDDEN placeholder and the pile
// holds placeholders only; the same code must give both the same shape.

type Cards = Record<string, CardState>;

interface Placement {
  deckId: string;
  location: CardLocation;
  faceUp: boolean;
  chosenBy?: string;
}

/** Puts a card that is in play under the key its (possibly hidden) id calls for. */
function putInPlay(cards: Cards, cardId: string, slot: number, place: Placement): void {
  const key = cardKey(cardId, slot);
  const card: CardState = { cardId: key, deckId: place.deckId, location: place.location, faceUp: place.faceUp, slot };
  if (place.chosenBy !== undefined) card.chosenBy = place.chosenBy;
  if (cardId === HIDDEN) card.hidden = true;
  cards[key] = card;
}

function putInPile(cards: Cards, cardId: string, deckId: string): void {
  // Redacted copies do not list what is in the pile.
  if (cardId !== HIDDEN) cards[cardId] = { cardId, deckId, location: { kind: "pile" }, faceUp: false };
}

function takeCard(cards: Cards, cardId: string, slot: number): CardState | undefined {
  const key = findCardKey(cards, cardId, slot);
  if (key === undefined) return undefined;
  const card = cards[key];
  delete cards[key];
  return card;
}

function withNextSlot(state: SessionState, slots: number[]): number {
  return Math.max(state.nextSlot, ...slots.map((s) => s + 1));
}

function clearSpotlightOf(state: SessionState, slot: number): SessionState["spotlight"] {
  return state.spotlight && state.spotlight.slot === slot ? null : state.spotlight;
}

export function applyDeckLoaded(state: SessionState, e: EventOf<"deck.loaded">): SessionState {
  const cards = { ...state.cards };
  for (const id of e.payload.pile) putInPile(cards, id, e.payload.deckId);
  return { ...state, cards, decks: { ...state.decks, [e.payload.deckId]: { pile: e.payload.pile.slice() } } };
}

export function applyCardsDealt(state: SessionState, e: EventOf<"cards.dealt">): SessionState {
  const { deckId, faceUp, cards: dealt } = e.payload;
  const cards = { ...state.cards };
  for (const c of dealt) {
    if (c.cardId !== HIDDEN) delete cards[c.cardId];
    const location: CardLocation = c.participantId ? { kind: "hand", participantId: c.participantId } : { kind: "table" };
    putInPlay(cards, c.cardId, c.slot, { deckId, location, faceUp });
  }
  const pile = (state.decks[deckId]?.pile ?? []).slice(dealt.length);
  return {
    ...state,
    cards,
    decks: { ...state.decks, [deckId]: { pile } },
    nextSlot: withNextSlot(state, dealt.map((c) => c.slot)),
  };
}

/** Moves or turns one card in play, keeping everything else about it. */
function updateInPlay(
  state: SessionState,
  cardId: string,
  slot: number,
  change: (card: CardState) => Omit<Placement, "deckId">,
): SessionState {
  const cards = { ...state.cards };
  const card = takeCard(cards, cardId, slot);
  if (!card) return state;
  putInPlay(cards, cardId, slot, { deckId: card.deckId, ...change(card) });
  return { ...state, cards };
}

export function applyCardFlipped(state: SessionState, e: EventOf<"card.flipped">): SessionState {
  const { cardId, slot, faceUp } = e.payload;
  const next = updateInPlay(state, cardId, slot, (card) => ({ location: card.location, faceUp, chosenBy: card.chosenBy }));
  // The spotlight only ever shows a card everyone can see.
  return faceUp ? next : { ...next, spotlight: clearSpotlightOf(next, slot) };
}

export function applyCardChosen(state: SessionState, e: EventOf<"card.chosen">): SessionState {
  const { cardId, slot, participantId, faceUp } = e.payload;
  const next = updateInPlay(state, cardId, slot, () => ({
    location: { kind: "hand", participantId },
    faceUp,
    chosenBy: participantId,
  }));
  return spotlightFollows(next, slot, participantId);
}

/** A spotlighted card that changes hands keeps the spotlight, now naming its new holder. */
function spotlightFollows(state: SessionState, slot: number, participantId: string): SessionState {
  if (state.spotlight?.slot !== slot) return state;
  return { ...state, spotlight: { ...state.spotlight, participantId } };
}

export function applyCardPlaced(state: SessionState, e: EventOf<"card.placed">): SessionState {
  const { cardId, slot, participantId, faceUp } = e.payload;
  const next = updateInPlay(state, cardId, slot, () => ({ location: { kind: "table" }, faceUp, chosenBy: participantId }));
  return spotlightFollows(next, slot, participantId);
}

/** Sends cards back to the bottom of their piles. */
export function returnToPiles(
  state: SessionState,
  returned: { cardId: string; slot: number; deckId: string }[],
): SessionState {
  if (returned.length === 0) return state;
  const cards = { ...state.cards };
  const decks = { ...state.decks };
  let spotlight = state.spotlight;
  for (const r of returned) {
    takeCard(cards, r.cardId, r.slot);
    putInPile(cards, r.cardId, r.deckId);
    decks[r.deckId] = { pile: [...(decks[r.deckId]?.pile ?? []), r.cardId] };
    if (spotlight?.slot === r.slot) spotlight = null;
  }
  return { ...state, cards, decks, spotlight };
}

export function applyCardSwapped(state: SessionState, e: EventOf<"card.swapped">): SessionState {
  const { participantId, deckId, faceUp, returned, drawn } = e.payload;
  // Draw first, then return: the returned card goes under the rest of the pile.
  const cards = { ...state.cards };
  if (drawn.cardId !== HIDDEN) delete cards[drawn.cardId];
  putInPlay(cards, drawn.cardId, drawn.slot, { deckId, location: { kind: "hand", participantId }, faceUp });
  const afterDraw: SessionState = {
    ...state,
    cards,
    decks: { ...state.decks, [deckId]: { pile: (state.decks[deckId]?.pile ?? []).slice(1) } },
    nextSlot: withNextSlot(state, [drawn.slot]),
  };
  return returnToPiles(afterDraw, [{ ...returned, deckId }]);
}

export function applyCardSpotlighted(state: SessionState, e: EventOf<"card.spotlighted">): SessionState {
  const { cardId, slot, participantId } = e.payload;
  return { ...state, spotlight: participantId === undefined ? { cardId, slot } : { cardId, slot, participantId } };
}

export function applyCardsCollected(state: SessionState, e: EventOf<"cards.collected">): SessionState {
  const collected = new Set(Object.keys(e.payload.piles));
  const cards: Cards = {};
  for (const [key, card] of Object.entries(state.cards)) if (!collected.has(card.deckId)) cards[key] = card;
  const decks = { ...state.decks };
  for (const [deckId, pile] of Object.entries(e.payload.piles)) {
    for (const id of pile) putInPile(cards, id, deckId);
    decks[deckId] = { pile: pile.slice() };
  }
  return { ...state, cards, decks, spotlight: null };
}
