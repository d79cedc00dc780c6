import { openBreakouts, moveToBreakout, broadcastToBreakouts, callFacilitator, closeBreakouts } from "./breakouts";
import { chooseCard, clearSpotlight, collectCards, dealCards, flipCard, placeCard, spotlightCard, swapCard } from "./cards";
import { FACILITATOR_COMMANDS, isClientCommandType, parseCommand } from "./commands";
import type { Command, CommandType } from "./commands";
import { addCommitment, addReflection, sendChat, sendReaction } from "./contributions";
import {
  endSession,
  gotoPhase,
  lockSession,
  nextPhase,
  previousPhase,
  setAdmission,
  startSession,
  toggleSuggestions,
  unlockSession,
} from "./control";
import {
  admitParticipant,
  joinSession,
  lowerHand,
  raiseHand,
  removeParticipant,
  renameParticipant,
} from "./participants";
import { conflict, forbidden, isFacilitatorRole } from "./state";
import type { Decision, Who } from "./state";
import { extendTimer, pauseTimer, resetTimer, resumeTimer, startTimer } from "./timer";
import type { Actor, DecideContext, SessionState } from "./types";

// decide: may this person do this now, and if so, what happened? It never changes state;
// evolve applies the events it returns.

const FACILITATOR_ACTIONS: Partial<Record<CommandType, string>> = {
  "phase.next": "move to the next phase",
  "phase.previous": "go back a phase",
  "phase.goto": "change the phase",
  "timer.start": "start the timer",
  "timer.pause": "pause the timer",
  "timer.resume": "resume the timer",
  "timer.extend": "add time to the timer",
  "timer.reset": "reset the timer",
  "cards.deal": "deal cards",
  "card.spotlight": "put a card in the spotlight",
  "spotlight.clear": "clear the spotlight",
  "cards.collect": "collect the cards",
  "participant.admit": "let people in from the lobby",
  "participant.remove": "remove someone from the session",
  "breakouts.open": "open breakout rooms",
  "breakouts.move": "move people between breakout rooms",
  "breakouts.broadcast": "broadcast to the breakout rooms",
  "breakouts.close": "close the breakout rooms",
  "session.start": "start the session",
  "session.lock": "lock the session",
  "session.unlock": "unlock the session",
  "session.admission": "change how people are admitted",
  "session.end": "end the session",
  "suggestions.toggle": "turn suggestions on or off",
};

function facilitatorOnly(type: CommandType): Decision {
  return forbidden(`Only a facilitator can ${FACILITATOR_ACTIONS[type] ?? "do that"}.`);
}

/** Works out who is acting from the session itself; the session's roles are the authority. */
export function resolveActor(state: SessionState, actor: Actor): Who | Decision {
  // The server acting on its own (for example ending a session at its scheduled time).
  if (actor.role === "system") return { id: actor.participantId, facilitator: true };
  const p = state.participants[actor.participantId];
  if (!p) return forbidden("You are not part of this session.");
  if (p.removed) return forbidden("You have been removed from this session.");
  if (!p.admitted) return forbidden("You are waiting in the lobby until the facilitator lets you in.");
  return { id: p.id, facilitator: isFacilitatorRole(p.role) };
}

export function decide(state: SessionState, command: Command, actor: Actor, ctx: DecideContext): Decision {
  if (command.type === "participant.join") {
    if (actor.role !== "system") return forbidden("People join a session with its code, not with a command.");
    return joinSession(state, command.payload, ctx.now);
  }
  const who = resolveActor(state, actor);
  if ("ok" in who) return who;
  if (FACILITATOR_COMMANDS.has(command.type) && !who.facilitator) return facilitatorOnly(command.type);
  if (state.status === "ended") return conflict("This session has ended; nothing more can change in it.");
  const { now } = ctx;

  switch (command.type) {
    case "phase.next":
      return nextPhase(state, now);
    case "phase.previous":
      return previousPhase(state, now);
    case "phase.goto":
      return gotoPhase(state, command.payload, now);
    case "timer.start":
      return startTimer(state, command.payload, now);
    case "timer.pause":
      return pauseTimer(state, now);
    case "timer.resume":
      return resumeTimer(state, now);
    case "timer.extend":
      return extendTimer(state, command.payload, now);
    case "timer.reset":
      return resetTimer(state);
    case "cards.deal":
      return dealCards(state, command.payload, ctx);
    case "card.flip":
      return flipCard(state, command.payload.cardId, who);
    case "card.choose":
      return chooseCard(state, command.payload.cardId, who);
    case "card.swap":
      return swapCard(state, command.payload.cardId, who);
    case "card.place":
      return placeCard(state, command.payload.cardId, who);
    case "card.spotlight":
      return spotlightCard(state, command.payload.cardId);
    case "spotlight.clear":
      return clearSpotlight(state);
    case "cards.collect":
      return collectCards(state, ctx);
    case "reflection.add":
      return addReflection(state, command.payload, who, now);
    case "chat.send":
      return sendChat(state, command.payload.text, who, now);
    case "reaction.send":
      return sendReaction(command.payload, who, now);
    case "hand.raise":
      return raiseHand(state, who, now);
    case "hand.lower":
      return lowerHand(state, command.payload, who);
    case "commitment.add":
      return addCommitment(state, command.payload, who, now);
    case "participant.admit":
      return admitParticipant(state, command.payload.participantId);
    case "participant.remove":
      return removeParticipant(state, command.payload.participantId, who);
    case "participant.rename":
      return renameParticipant(state, command.payload, who);
    case "breakouts.open":
      return openBreakouts(state, command.payload, ctx);
    case "breakouts.move":
      return moveToBreakout(state, command.payload);
    case "breakouts.broadcast":
      return broadcastToBreakouts(state, command.payload.text, now);
    case "breakouts.callFacilitator":
      return callFacilitator(state, who, now);
    case "breakouts.close":
      return closeBreakouts(state);
    case "session.start":
      return startSession(state, now);
    case "session.lock":
      return lockSession(state);
    case "session.unlock":
      return unlockSession(state);
    case "session.admission":
      return setAdmission(state, command.payload);
    case "session.end":
      return endSession(now);
    case "suggestions.toggle":
      return toggleSuggestions(state, command.payload);
  }
}

/**
 * Validates and decides a command exactly as a client sent it. A role that may not give
 * the command hears `forbidden` before any complaint about its details.
 */
export function decideInput(state: SessionState, input: unknown, actor: Actor, ctx: DecideContext): Decision {
  const type = typeof input === "object" && input !== null ? (input as { type?: unknown }).type : undefined;
  if (isClientCommandType(type) && FACILITATOR_COMMANDS.has(type)) {
    const who = resolveActor(state, actor);
    if ("ok" in who) return who;
    if (!who.facilitator) return facilitatorOnly(type);
  }
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  return decide(state, parsed.command, actor, ctx);
}
