import type { CommandPayloads } from "./commands";
import { event } from "./events";
import type { EventOf } from "./events";
import { returnToPiles } from "./cards-evolve";
import { accept, conflict, forbidden, nameOf } from "./state";
import type { Decision, Who } from "./state";
import type { Participant, SessionState } from "./types";

// Who is in the session: joining (through the lobby when admission is manual),
// admitting, removing, renaming, and raised hands.

export function joinSession(state: SessionState, payload: CommandPayloads["participant.join"], now: number): Decision {
  if (state.status === "ended") return conflict("This session has ended, so nobody can join it any more.");
  const existing = state.participants[payload.participantId];
  if (existing?.removed) return conflict("You were removed from this session and cannot join it again.");
  if (existing) return conflict(`${existing.displayName} is already in this session.`);
  if (state.locked) return conflict("The facilitator has locked this session, so nobody new can join right now.");
  if (payload.role === "facilitator" && Object.values(state.participants).some((p) => p.role === "facilitator")) {
    return conflict("This session already has a facilitator; join as a cofacilitator instead.");
  }
  // Facilitators never wait in the lobby; participants do when admission is manual.
  const admitted = payload.role !== "participant" || state.admission === "auto";
  return accept(
    event("participant.joined", {
      participantId: payload.participantId,
      displayName: payload.displayName,
      role: payload.role,
      admitted,
      at: now,
    }),
  );
}

function findPerson(state: SessionState, participantId: string): Participant | string {
  const p = state.participants[participantId];
  if (!p) return "There is nobody with that id in this session.";
  if (p.removed) return `${p.displayName} has been removed from this session.`;
  return p;
}

export function admitParticipant(state: SessionState, participantId: string): Decision {
  const p = findPerson(state, participantId);
  if (typeof p === "string") return conflict(p);
  if (p.admitted) return conflict(`${p.displayName} is already in the session.`);
  return accept(event("participant.admitted", { participantId }));
}

export function removeParticipant(state: SessionState, participantId: string, who: Who): Decision {
  const p = findPerson(state, participantId);
  if (typeof p === "string") return conflict(p);
  if (p.role === "facilitator") return conflict("The session's facilitator cannot be removed.");
  if (p.id === who.id) return conflict("You cannot remove yourself; leave the session instead.");
  // Their cards go back to the piles so no card is left with someone who is gone.
  const returned = Object.values(state.cards).flatMap((c) =>
    c.location.kind === "hand" && c.location.participantId === participantId && c.slot !== undefined
      ? [{ cardId: c.cardId, slot: c.slot, deckId: c.deckId }]
      : [],
  );
  return accept(event("participant.removed", { participantId, returned }));
}

export function renameParticipant(
  state: SessionState,
  payload: CommandPayloads["participant.rename"],
  who: Who,
): Decision {
  if (!who.facilitator && payload.participantId !== who.id) return forbidden("You can only change your own name.");
  const p = findPerson(state, payload.participantId);
  if (typeof p === "string") return conflict(p);
  if (p.displayName === payload.displayName) return conflict(`The name is already ${payload.displayName}.`);
  return accept(event("participant.renamed", payload));
}

export function raiseHand(state: SessionState, who: Who, now: number): Decision {
  if (state.participants[who.id]?.handRaised) return conflict("Your hand is already raised.");
  return accept(event("hand.raised", { participantId: who.id, at: now }));
}

export function lowerHand(state: SessionState, payload: CommandPayloads["hand.lower"], who: Who): Decision {
  const participantId = payload.participantId ?? who.id;
  if (participantId !== who.id && !who.facilitator) return forbidden("Only a facilitator can lower someone else's hand.");
  const p = findPerson(state, participantId);
  if (typeof p === "string") return conflict(p);
  if (!p.handRaised) {
    return conflict(participantId === who.id ? "Your hand is not raised." : `${nameOf(state, participantId)}'s hand is not raised.`);
  }
  return accept(event("hand.lowered", { participantId }));
}

function updatePerson(state: SessionState, participantId: string, change: (p: Participant) => Participant): SessionState {
  const p = state.participants[participantId];
  if (!p) return state;
  return { ...state, participants: { ...state.participants, [participantId]: change(p) } };
}

function handDown(p: Participant): Participant {
  const { handRaisedAt: _dropped, ...rest } = p;
  return { ...rest, handRaised: false };
}

export function applyParticipantEvent(
  state: SessionState,
  e: EventOf<
    | "participant.joined"
    | "participant.admitted"
    | "participant.removed"
    | "participant.renamed"
    | "hand.raised"
    | "hand.lowered"
  >,
): SessionState {
  switch (e.type) {
    case "participant.joined": {
      const { participantId, displayName, role, admitted, at } = e.payload;
      const p: Participant = { id: participantId, displayName, role, admitted, handRaised: false, removed: false, joinedAt: at };
      return { ...state, participants: { ...state.participants, [participantId]: p } };
    }
    case "participant.admitted":
      return updatePerson(state, e.payload.participantId, (p) => ({ ...p, admitted: true }));
    case "participant.removed": {
      const { participantId, returned } = e.payload;
      const removed = updatePerson(state, participantId, (p) => ({ ...handDown(p), removed: true }));
      const rooms = removed.breakouts.rooms.map((r) => ({
        ...r,
        participantIds: r.participantIds.filter((id) => id !== participantId),
      }));
      return returnToPiles({ ...removed, breakouts: { ...removed.breakouts, rooms } }, returned);
    }
    case "participant.renamed":
      return updatePerson(state, e.payload.participantId, (p) => ({ ...p, displayName: e.payload.displayName }));
    case "hand.raised":
      return updatePerson(state, e.payload.participantId, (p) => ({ ...p, handRaised: true, handRaisedAt: e.payload.at }));
    case "hand.lowered":
      return updatePerson(state, e.payload.participantId, handDown);
  }
}

