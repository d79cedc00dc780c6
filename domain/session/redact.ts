import type { SessionEvent } from "./events";
import { HIDDEN, cardVisibleTo, hiddenKey, holderOf, isFacilitatorRole } from "./state";
import type { CardState, DeckState, Reflection, SessionState, Viewer } from "./types";

// What each person may see. Everyone receives every event, but in their own copy:
// - participants never learn a card that is face down and not theirs, nor the order of
//   any pile (hidden cards keep their slot, so they can still be followed as they move);
// - nobody but its author reads a private reflection (the entry stays, its text does not).
// Applying a redacted event to a redacted state gives the redacted new state, so a
// browser can run the same evolve as the server.

interface Sight {
  id: string;
  facilitator: boolean;
}

function sightOf(viewer: Viewer, state?: SessionState): Sight {
  // The session's own record of someone's role wins over what the caller claims.
  const role = state?.participants[viewer.participantId]?.role ?? viewer.role;
  return { id: viewer.participantId, facilitator: isFacilitatorRole(role) };
}

function hiddenPile(pile: readonly string[]): string[] {
  return pile.map(() => HIDDEN);
}

function redactReflection<T extends Reflection>(r: T, sight: Sight): Reflection {
  if (r.visibility !== "private" || r.participantId === sight.id) return r;
  return { id: r.id, participantId: r.participantId, text: "", visibility: r.visibility, at: r.at, redacted: true };
}

function hideCard(card: CardState & { slot: number }): CardState {
  const out: CardState = {
    cardId: hiddenKey(card.slot),
    deckId: card.deckId,
    location: card.location,
    faceUp: card.faceUp,
    slot: card.slot,
    hidden: true,
  };
  if (card.chosenBy !== undefined) out.chosenBy = card.chosenBy;
  return out;
}

/** The session as one person may see it. */
export function viewState(state: SessionState, viewer: Viewer): SessionState {
  const sight = sightOf(viewer, state);
  const reflections = state.reflections.map((r) => redactReflection(r, sight));
  if (sight.facilitator) return { ...state, reflections };

  const cards: Record<string, CardState> = {};
  for (const [key, card] of Object.entries(state.cards)) {
    if (card.location.kind === "pile" || card.slot === undefined) continue;
    if (cardVisibleTo({ faceUp: card.faceUp, holderId: holderOf(card) }, sight.id, false)) cards[key] = card;
    else cards[hiddenKey(card.slot)] = hideCard({ ...card, slot: card.slot });
  }
  const decks: Record<string, DeckState> = {};
  for (const [deckId, deck] of Object.entries(state.decks)) decks[deckId] = { pile: hiddenPile(deck.pile) };
  return { ...state, cards, decks, reflections };
}

function shown(cardId: string, visible: boolean): string {
  return visible ? cardId : HIDDEN;
}

/**
 * One person's copy of an event. `stateBefore` (the session just before the event) lets
 * the session's record of the viewer's role win over the one given.
 */
export function redactEvent(e: SessionEvent, viewer: Viewer, stateBefore?: SessionState): SessionEvent {
  const sight = sightOf(viewer, stateBefore);
  if (e.type === "reflection.added") {
    const payload = redactReflection(e.payload, sight);
    return payload === e.payload ? e : { type: e.type, payload };
  }
  if (sight.facilitator) return e;
  const me = sight.id;

  switch (e.type) {
    case "deck.loaded":
      return { type: e.type, payload: { ...e.payload, pile: hiddenPile(e.payload.pile) } };
    case "cards.dealt":
      return {
        type: e.type,
        payload: {
          ...e.payload,
          cards: e.payload.cards.map((c) => ({
            ...c,
            cardId: shown(c.cardId, e.payload.faceUp || c.participantId === me),
          })),
        },
      };
    case "card.flipped":
      return { type: e.type, payload: { ...e.payload, cardId: shown(e.payload.cardId, e.payload.faceUp || e.payload.holderId === me) } };
    case "card.chosen":
      return { type: e.type, payload: { ...e.payload, cardId: shown(e.payload.cardId, e.payload.faceUp || e.payload.participantId === me) } };
    case "card.placed":
      return { type: e.type, payload: { ...e.payload, cardId: shown(e.payload.cardId, e.payload.faceUp || e.payload.participantId === me) } };
    case "card.swapped":
      return {
        type: e.type,
        payload: {
          ...e.payload,
          // The returned card goes into the pile, whose contents nobody but facilitators see.
          returned: { ...e.payload.returned, cardId: HIDDEN },
          drawn: { ...e.payload.drawn, cardId: shown(e.payload.drawn.cardId, e.payload.faceUp || e.payload.participantId === me) },
        },
      };
    case "cards.collected": {
      const piles: Record<string, string[]> = {};
      for (const [deckId, pile] of Object.entries(e.payload.piles)) piles[deckId] = hiddenPile(pile);
      return { type: e.type, payload: { piles } };
    }
    case "participant.removed":
      return {
        type: e.type,
        payload: { ...e.payload, returned: e.payload.returned.map((r) => ({ ...r, cardId: HIDDEN })) },
      };
    default:
      return e;
  }
}
