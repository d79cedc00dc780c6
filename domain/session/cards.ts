import type { CommandPayloads } from "./commands";
import { event } from "./events";
import type { SessionEvent } from "./events";
import { shuffle } from "./random";
import {
  HIDDEN,
  accept,
  activeParticipants,
  conflict,
  holderOf,
  invalid,
  startIfInLobby,
} from "./state";
import type { Decision, Who } from "./state";
import type { CardState, DecideContext, SessionState } from "./types";

// Deciding what happens to cards. Where a choice is random (shuffles, draws) it is made
// here and written into the event, so that evolve never needs a random source.

type InPlay = CardState & { slot: number };

export function cardInPlay(state: SessionState, cardId: string): InPlay | string {
  const card = state.cards[cardId];
  if (!card) return "That card is not in play in this session.";
  if (card.location.kind === "pile" || card.slot === undefined) return "That card is still in the deck, not in play.";
  return { ...card, slot: card.slot };
}

export function dealCards(
  state: SessionState,
  payload: CommandPayloads["cards.deal"],
  ctx: DecideContext,
): Decision {
  const events: SessionEvent[] = startIfInLobby(state, ctx.now);
  let pile = state.decks[payload.deckId]?.pile;
  if (!pile) {
    const ids = ctx.deckCards(payload.deckId);
    if (!ids) return invalid("There is no deck with that id.");
    // A card already in play from another deck, or a malformed id, stays out of this pile.
    const fresh = [...new Set(ids)].filter((id) => id.length > 0 && !id.startsWith(HIDDEN) && !state.cards[id]);
    pile = shuffle(fresh, ctx.random);
    events.push(event("deck.loaded", { deckId: payload.deckId, pile }));
  }
  let recipients = payload.to === "each" ? activeParticipants(state, "participant").map((p) => p.id) : [];
  if (payload.to === "each" && payload.participantId) {
    if (!recipients.includes(payload.participantId)) return conflict("That person is not an admitted participant of this session.");
    recipients = [payload.participantId];
  }
  if (payload.to === "each" && recipients.length === 0) {
    return conflict("There is nobody to deal to yet: no participant has been admitted.");
  }
  if (payload.cardIds) {
    // Chosen cards (a suggestion the facilitator picked): the pile is reloaded with them on top,
    // so the deal itself stays a draw from the top and every client's pile stays consistent.
    const wanted = [...new Set(payload.cardIds)];
    const missing = wanted.filter((id) => !pile!.includes(id));
    if (missing.length) return conflict(state.cards[missing[0]] ? "That card is already in play." : "That card is not in this deck.");
    pile = [...wanted, ...pile.filter((id) => !wanted.includes(id))];
    const loaded = events.findIndex((e) => e.type === "deck.loaded");
    if (loaded >= 0) events.splice(loaded, 1);
    events.push(event("deck.loaded", { deckId: payload.deckId, pile }));
  }
  const needed = payload.cardIds ? new Set(payload.cardIds).size : payload.to === "each" ? payload.count * recipients.length : payload.count;
  if (pile.length < needed) {
    return conflict(
      `The deck has ${pile.length} card${pile.length === 1 ? "" : "s"} left, not enough to deal ${needed}. Collect the cards or deal fewer.`,
    );
  }
  // Deal one card to each person in turn, as around a table.
  const cards: { cardId: string; slot: number; participantId?: string }[] = [];
  for (let i = 0; i < needed; i++) {
    const draw = { cardId: pile[i], slot: state.nextSlot + i };
    cards.push(payload.to === "each" ? { ...draw, participantId: recipients[i % recipients.length] } : draw);
  }
  events.push(event("cards.dealt", { deckId: payload.deckId, faceUp: payload.mode === "face-up", to: payload.to, cards }));
  return accept(...events);
}

export function flipCard(state: SessionState, cardId: string, who: Who): Decision {
  const card = cardInPlay(state, cardId);
  if (typeof card === "string") return conflict(card);
  const holderId = holderOf(card);
  if (!who.facilitator && holderId !== who.id) return conflict("You can only turn over your own cards.");
  return accept(event("card.flipped", { cardId, slot: card.slot, faceUp: !card.faceUp, holderId }));
}

export function chooseCard(state: SessionState, cardId: string, who: Who): Decision {
  const card = cardInPlay(state, cardId);
  if (typeof card === "string") return conflict(card);
  if (card.location.kind === "hand") {
    return conflict(
      card.location.participantId === who.id ? "This card is already in your hand." : "This card is in someone else's hand.",
    );
  }
  if (card.chosenBy !== undefined && card.chosenBy !== who.id) return conflict("Someone else has already chosen this card.");
  return accept(event("card.chosen", { cardId, slot: card.slot, participantId: who.id, faceUp: card.faceUp }));
}

export function placeCard(state: SessionState, cardId: string, who: Who): Decision {
  const card = cardInPlay(state, cardId);
  if (typeof card === "string") return conflict(card);
  if (card.location.kind !== "hand" || card.location.participantId !== who.id) {
    return conflict("You can only place a card from your own hand on the table.");
  }
  return accept(event("card.placed", { cardId, slot: card.slot, participantId: who.id, faceUp: card.faceUp }));
}

export function swapCard(state: SessionState, cardId: string, who: Who): Decision {
  const card = cardInPlay(state, cardId);
  if (typeof card === "string") return conflict(card);
  if (card.location.kind !== "hand" || card.location.participantId !== who.id) {
    return conflict("You can only swap a card that is in your own hand.");
  }
  const pile = state.decks[card.deckId]?.pile ?? [];
  if (pile.length === 0) return conflict("There are no other cards left in this deck to swap for.");
  return accept(
    event("card.swapped", {
      participantId: who.id,
      deckId: card.deckId,
      faceUp: card.faceUp,
      returned: { cardId, slot: card.slot },
      drawn: { cardId: pile[0], slot: state.nextSlot },
    }),
  );
}

export function spotlightCard(state: SessionState, cardId: string): Decision {
  const card = cardInPlay(state, cardId);
  if (typeof card === "string") return conflict(card);
  if (!card.faceUp) return conflict("Turn the card face up before putting it in the spotlight.");
  if (state.spotlight?.cardId === cardId) return conflict("This card is already in the spotlight.");
  return accept(event("card.spotlighted", { cardId, slot: card.slot, participantId: holderOf(card) }));
}

export function clearSpotlight(state: SessionState): Decision {
  if (!state.spotlight) return conflict("Nothing is in the spotlight.");
  return accept(event("spotlight.cleared", {}));
}

export function collectCards(state: SessionState, ctx: DecideContext): Decision {
  const all = Object.values(state.cards);
  if (!all.some((c) => c.location.kind !== "pile")) return conflict("All cards are already back in their decks.");
  const piles: Record<string, string[]> = {};
  for (const deckId of Object.keys(state.decks)) {
    const inPile = state.decks[deckId].pile;
    const out = all.filter((c) => c.deckId === deckId && c.location.kind !== "pile").map((c) => c.cardId);
    piles[deckId] = shuffle([...inPile, ...out], ctx.random);
  }
  return accept(event("cards.collected", { piles }));
}
