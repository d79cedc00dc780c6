import type { CommandPayloads } from "./commands";
import { event } from "./events";
import type { EventOf } from "./events";
import { accept, cardVisibleTo, conflict, holderOf } from "./state";
import type { Decision, Who } from "./state";
import type { Reflection, SessionState } from "./types";

// What people contribute: reflections (never dropped), chat, reactions and commitments.
// The log keeps everything; the live state keeps only the recent chat and reactions.

const KEEP_CHAT = 500;
const KEEP_REACTIONS = 30;

export function addReflection(
  state: SessionState,
  payload: CommandPayloads["reflection.add"],
  who: Who,
  now: number,
): Decision {
  if (payload.cardId !== undefined) {
    const card = state.cards[payload.cardId];
    if (!card || card.location.kind === "pile" || !cardVisibleTo({ faceUp: card.faceUp, holderId: holderOf(card) }, who.id, who.facilitator)) {
      return conflict("You can only reflect on a card you can see in the session.");
    }
    // Sharing a reflection names its card, which would give away a card still face down.
    if (payload.visibility === "shared" && !card.faceUp) {
      return conflict("Turn the card face up before sharing a reflection about it.");
    }
  }
  const reflection: Reflection = {
    id: `reflection-${state.nextId}`,
    participantId: who.id,
    text: payload.text,
    visibility: payload.visibility,
    at: now,
  };
  if (payload.cardId !== undefined) reflection.cardId = payload.cardId;
  return accept(event("reflection.added", reflection));
}

export function sendChat(state: SessionState, text: string, who: Who, now: number): Decision {
  return accept(event("chat.sent", { id: `chat-${state.nextId}`, participantId: who.id, text, at: now }));
}

export function sendReaction(payload: CommandPayloads["reaction.send"], who: Who, now: number): Decision {
  return accept(event("reaction.sent", { participantId: who.id, emoji: payload.emoji, at: now }));
}

export function addCommitment(
  state: SessionState,
  payload: CommandPayloads["commitment.add"],
  who: Who,
  now: number,
): Decision {
  const base = { id: `commitment-${state.nextId}`, participantId: who.id, text: payload.text, at: now };
  return accept(event("commitment.added", payload.due === undefined ? base : { ...base, due: payload.due }));
}

export function applyContributionEvent(
  state: SessionState,
  e: EventOf<"reflection.added" | "chat.sent" | "reaction.sent" | "commitment.added">,
): SessionState {
  switch (e.type) {
    case "reflection.added":
      return { ...state, nextId: state.nextId + 1, reflections: [...state.reflections, { ...e.payload }] };
    case "chat.sent":
      return { ...state, nextId: state.nextId + 1, chat: [...state.chat, { ...e.payload }].slice(-KEEP_CHAT) };
    case "reaction.sent": {
      const { counts, recent } = state.reactions;
      return {
        ...state,
        reactions: {
          counts: { ...counts, [e.payload.emoji]: (counts[e.payload.emoji] ?? 0) + 1 },
          recent: [...recent, { ...e.payload }].slice(-KEEP_REACTIONS),
        },
      };
    }
    case "commitment.added":
      return { ...state, nextId: state.nextId + 1, commitments: [...state.commitments, { ...e.payload }] };
  }
}
