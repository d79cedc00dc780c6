import { applyBreakoutEvent } from "./breakouts";
import {
  applyCardChosen,
  applyCardFlipped,
  applyCardPlaced,
  applyCardSpotlighted,
  applyCardSwapped,
  applyCardsCollected,
  applyCardsDealt,
  applyDeckLoaded,
} from "./cards-evolve";
import { applyContributionEvent } from "./contributions";
import { applyControlEvent } from "./control";
import type { SessionEvent } from "./events";
import { applyParticipantEvent } from "./participants";
import { applyTimerEvent } from "./timer";
import type { SessionState } from "./types";

/**
 * Applies one event. Pure and deterministic: the server and every browser run it on the
 * same log and reach the same state. It returns a new state and never throws; an event it
 * does not know (from a newer server) leaves the state as it was.
 */
export function evolve(state: SessionState, e: SessionEvent): SessionState {
  switch (e.type) {
    case "session.started":
    case "session.locked":
    case "session.unlocked":
    case "session.admissionChanged":
    case "session.ended":
    case "suggestions.toggled":
    case "phase.changed":
      return applyControlEvent(state, e);
    case "timer.started":
    case "timer.paused":
    case "timer.resumed":
    case "timer.extended":
    case "timer.reset":
      return applyTimerEvent(state, e);
    case "deck.loaded":
      return applyDeckLoaded(state, e);
    case "cards.dealt":
      return applyCardsDealt(state, e);
    case "card.flipped":
      return applyCardFlipped(state, e);
    case "card.chosen":
      return applyCardChosen(state, e);
    case "card.placed":
      return applyCardPlaced(state, e);
    case "card.swapped":
      return applyCardSwapped(state, e);
    case "card.spotlighted":
      return applyCardSpotlighted(state, e);
    case "spotlight.cleared":
      return { ...state, spotlight: null };
    case "cards.collected":
      return applyCardsCollected(state, e);
    case "reflection.added":
    case "chat.sent":
    case "reaction.sent":
    case "commitment.added":
      return applyContributionEvent(state, e);
    case "participant.joined":
    case "participant.admitted":
    case "participant.removed":
    case "participant.renamed":
    case "hand.raised":
    case "hand.lowered":
      return applyParticipantEvent(state, e);
    case "breakouts.opened":
    case "breakouts.moved":
    case "breakouts.broadcast":
    case "breakouts.facilitatorCalled":
    case "breakouts.closed":
      return applyBreakoutEvent(state, e);
    default:
      return state;
  }
}

/** Rebuilds a session from its initial state and its log. */
export function replay(initial: SessionState, events: Iterable<SessionEvent>): SessionState {
  let state = initial;
  for (const e of events) state = evolve(state, e);
  return state;
}

/** Applies a decision's events to the state they were decided on. */
export function applyAll(state: SessionState, events: readonly SessionEvent[]): SessionState {
  return events.reduce(evolve, state);
}
