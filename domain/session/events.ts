import type {
  AdmissionMode,
  BreakoutRoom,
  ParticipantRole,
  ReactionEmoji,
  TimerState,
  Visibility,
} from "./types";

/*
 * Session events: the facts stored in a session's log. The server wraps each one as
 * `{seq, type, payload, actorId, at}`. Every random choice (shuffles, draws, room
 * assignment) is recorded here, so replaying the log needs no randomness and no clock.
 * Times are epoch milliseconds. A card reference is `{cardId, slot}`; in a participant's
 * redacted copy `cardId` is "hidden" when they may not know the card (see redact.ts).
 *
 * | type                        | payload                                                                      |
 * |-----------------------------|------------------------------------------------------------------------------|
 * | session.started             | {at}  the session left the lobby and went live                               |
 * | session.locked              | {}  nobody new may join                                                      |
 * | session.unlocked            | {}                                                                           |
 * | session.admissionChanged    | {mode: "auto"|"manual", admittedParticipantIds}  switching to auto lets everyone waiting in |
 * | session.ended               | {at}  breakouts close, hands go down, the timer stops                        |
 * | suggestions.toggled         | {enabled}  live facilitation suggestions on or off                          |
 * | phase.changed               | {index, name, timer: TimerState|null}  timer is the phase's prepared timer, if any |
 * | timer.started               | {durationMs, startedAt, endsAt}                                              |
 * | timer.paused                | {remainingMs, at}                                                            |
 * | timer.resumed               | {startedAt, endsAt}                                                          |
 * | timer.extended              | {addedMs, durationMs, remainingMs, endsAt?}  resulting values                |
 * | timer.reset                 | {durationMs}  back to idle with the full duration                            |
 * | deck.loaded                 | {deckId, pile: cardId[]}  the deck's cards, shuffled, top first              |
 * | cards.dealt                 | {deckId, faceUp, to: "each"|"table", cards: [{cardId, slot, participantId?}]} drawn from the top of the pile |
 * | card.flipped                | {cardId, slot, faceUp, holderId?}  holderId: whose hand, or who chose it on the table |
 * | card.chosen                 | {cardId, slot, participantId, faceUp}  from the table into the chooser's hand |
 * | card.placed                 | {cardId, slot, participantId, faceUp}  from a hand onto the shared table     |
 * | card.swapped                | {participantId, deckId, faceUp, returned: {cardId, slot}, drawn: {cardId, slot}}  returned to the bottom of the pile, drawn from the top |
 * | card.spotlighted            | {cardId, slot, participantId?}                                               |
 * | spotlight.cleared           | {}                                                                           |
 * | cards.collected             | {piles: {[deckId]: cardId[]}}  every card back, each pile reshuffled         |
 * | reflection.added            | {id, participantId, text, visibility, cardId?, at, redacted?}                |
 * | chat.sent                   | {id, participantId, text, at}                                                |
 * | reaction.sent               | {participantId, emoji, at}                                                   |
 * | hand.raised                 | {participantId, at}                                                          |
 * | hand.lowered                | {participantId}                                                              |
 * | commitment.added            | {id, participantId, text, due?, at}                                          |
 * | participant.joined          | {participantId, displayName, role, admitted, at}                             |
 * | participant.admitted        | {participantId}                                                              |
 * | participant.removed         | {participantId, returned: [{cardId, slot, deckId}]}  their hand goes back to the piles |
 * | participant.renamed         | {participantId, displayName}                                                 |
 * | breakouts.opened            | {rooms: [{index, participantIds}]}                                           |
 * | breakouts.moved             | {participantId, roomIndex}                                                   |
 * | breakouts.broadcast         | {id, text, at}                                                               |
 * | breakouts.facilitatorCalled | {roomIndex, participantId, at}                                               |
 * | breakouts.closed            | {}                                                                           |
 */

export interface CardRef {
  cardId: string;
  slot: number;
}

export interface SessionEventPayloads {
  "session.started": { at: number };
  "session.locked": Record<string, never>;
  "session.unlocked": Record<string, never>;
  "session.admissionChanged": { mode: AdmissionMode; admittedParticipantIds: string[] };
  "session.ended": { at: number };
  "suggestions.toggled": { enabled: boolean };
  "phase.changed": { index: number; name: string; timer: TimerState | null };
  "timer.started": { durationMs: number; startedAt: number; endsAt: number };
  "timer.paused": { remainingMs: number; at: number };
  "timer.resumed": { startedAt: number; endsAt: number };
  "timer.extended": { addedMs: number; durationMs: number; remainingMs: number; endsAt?: number };
  "timer.reset": { durationMs: number };
  "deck.loaded": { deckId: string; pile: string[] };
  "cards.dealt": {
    deckId: string;
    faceUp: boolean;
    to: "each" | "table";
    cards: (CardRef & { participantId?: string })[];
  };
  "card.flipped": CardRef & { faceUp: boolean; holderId?: string };
  "card.chosen": CardRef & { participantId: string; faceUp: boolean };
  "card.placed": CardRef & { participantId: string; faceUp: boolean };
  "card.swapped": {
    participantId: string;
    deckId: string;
    faceUp: boolean;
    returned: CardRef;
    drawn: CardRef;
  };
  "card.spotlighted": CardRef & { participantId?: string };
  "spotlight.cleared": Record<string, never>;
  "cards.collected": { piles: Record<string, string[]> };
  "reflection.added": {
    id: string;
    participantId: string;
    text: string;
    visibility: Visibility;
    cardId?: string;
    at: number;
    redacted?: true;
  };
  "chat.sent": { id: string; participantId: string; text: string; at: number };
  "reaction.sent": { participantId: string; emoji: ReactionEmoji; at: number };
  "hand.raised": { participantId: string; at: number };
  "hand.lowered": { participantId: string };
  "commitment.added": { id: string; participantId: string; text: string; due?: string; at: number };
  "participant.joined": {
    participantId: string;
    displayName: string;
    role: ParticipantRole;
    admitted: boolean;
    at: number;
  };
  "participant.admitted": { participantId: string };
  "participant.removed": { participantId: string; returned: (CardRef & { deckId: string })[] };
  "participant.renamed": { participantId: string; displayName: string };
  "breakouts.opened": { rooms: BreakoutRoom[] };
  "breakouts.moved": { participantId: string; roomIndex: number };
  "breakouts.broadcast": { id: string; text: string; at: number };
  "breakouts.facilitatorCalled": { roomIndex: number; participantId: string; at: number };
  "breakouts.closed": Record<string, never>;
}

export type SessionEventType = keyof SessionEventPayloads;

export type SessionEvent = {
  [K in SessionEventType]: { type: K; payload: SessionEventPayloads[K] };
}[SessionEventType];

export type EventOf<K extends SessionEventType> = Extract<SessionEvent, { type: K }>;

export const SESSION_EVENT_TYPES = [
  "session.started",
  "session.locked",
  "session.unlocked",
  "session.admissionChanged",
  "session.ended",
  "suggestions.toggled",
  "phase.changed",
  "timer.started",
  "timer.paused",
  "timer.resumed",
  "timer.extended",
  "timer.reset",
  "deck.loaded",
  "cards.dealt",
  "card.flipped",
  "card.chosen",
  "card.placed",
  "card.swapped",
  "card.spotlighted",
  "spotlight.cleared",
  "cards.collected",
  "reflection.added",
  "chat.sent",
  "reaction.sent",
  "hand.raised",
  "hand.lowered",
  "commitment.added",
  "participant.joined",
  "participant.admitted",
  "participant.removed",
  "participant.renamed",
  "breakouts.opened",
  "breakouts.moved",
  "breakouts.broadcast",
  "breakouts.facilitatorCalled",
  "breakouts.closed",
] as const satisfies readonly SessionEventType[];

// Fails to compile when an event type is added above but missing from the list.
const allEventTypesListed: Exclude<SessionEventType, (typeof SESSION_EVENT_TYPES)[number]> extends never
  ? true
  : false = true;
void allEventTypesListed;

/** Builds an event with its payload type checked against its name. */
export function event<K extends SessionEventType>(type: K, payload: SessionEventPayloads[K]): SessionEvent {
  // TypeScript cannot relate a generic key to one member of the union; the signature does.
  return { type, payload } as SessionEvent;
}
