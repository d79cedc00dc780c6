import type { CommandPayloads } from "./commands";
import { event } from "./events";
import type { EventOf } from "./events";
import { shuffle } from "./random";
import { accept, activeParticipants, conflict, invalid, nameOf, startIfInLobby } from "./state";
import type { Decision, Who } from "./state";
import type { BreakoutRoom, DecideContext, SessionState } from "./types";

// Breakout rooms: pairs and trios for depth, then everyone back for the harvest.
// A participant is in at most one room; facilitators visit rather than belong.

const KEEP_BROADCASTS = 50;
const KEEP_CALLS = 50;

function roomsMessageClosed(what: string): Decision {
  return conflict(`Breakout rooms are not open, so ${what}.`);
}

export function openBreakouts(
  state: SessionState,
  payload: CommandPayloads["breakouts.open"],
  ctx: DecideContext,
): Decision {
  if (state.breakouts.rooms.length > 0) return conflict("Breakout rooms are already open; close them before opening new ones.");
  const people = activeParticipants(state, "participant");
  if (people.length === 0) return conflict("There are no participants to send into breakout rooms yet.");
  const rooms: BreakoutRoom[] = Array.from({ length: payload.count }, (_, index) => ({ index, participantIds: [] }));
  const assigned = new Set<string>();
  for (const [participantId, roomIndex] of Object.entries(payload.assignment ?? {})) {
    const p = state.participants[participantId];
    if (!p || p.removed || !p.admitted) return conflict(`${p?.displayName ?? "Someone in the assignment"} is not in the session.`);
    if (roomIndex >= payload.count) {
      return invalid(`Room ${roomIndex + 1} does not exist: you are opening ${payload.count} room${payload.count === 1 ? "" : "s"}.`);
    }
    rooms[roomIndex].participantIds.push(participantId);
    assigned.add(participantId);
  }
  // Everyone not placed by hand goes, in random order, to the emptiest room.
  const rest = shuffle(people.filter((p) => !assigned.has(p.id)).map((p) => p.id), ctx.random);
  for (const id of rest) {
    const smallest = rooms.reduce((a, b) => (b.participantIds.length < a.participantIds.length ? b : a));
    smallest.participantIds.push(id);
  }
  return accept(...startIfInLobby(state, ctx.now), event("breakouts.opened", { rooms }));
}

export function moveToBreakout(state: SessionState, payload: CommandPayloads["breakouts.move"]): Decision {
  const { rooms } = state.breakouts;
  if (rooms.length === 0) return roomsMessageClosed("nobody can be moved between them");
  if (payload.roomIndex >= rooms.length) {
    return invalid(`Room ${payload.roomIndex + 1} does not exist: there ${rooms.length === 1 ? "is 1 room" : `are ${rooms.length} rooms`}.`);
  }
  const p = state.participants[payload.participantId];
  if (!p || p.removed || !p.admitted) return conflict(`${p?.displayName ?? "That person"} is not in the session.`);
  if (rooms[payload.roomIndex].participantIds.includes(p.id)) {
    return conflict(`${p.displayName} is already in room ${payload.roomIndex + 1}.`);
  }
  return accept(event("breakouts.moved", payload));
}

export function broadcastToBreakouts(state: SessionState, text: string, now: number): Decision {
  if (state.breakouts.rooms.length === 0) return roomsMessageClosed("there is nobody to broadcast to");
  return accept(event("breakouts.broadcast", { id: `broadcast-${state.nextId}`, text, at: now }));
}

export function callFacilitator(state: SessionState, who: Who, now: number): Decision {
  if (state.breakouts.rooms.length === 0) return roomsMessageClosed("there is no room to call the facilitator into");
  const room = state.breakouts.rooms.find((r) => r.participantIds.includes(who.id));
  if (!room) return conflict(`${nameOf(state, who.id)} is not in a breakout room.`);
  return accept(event("breakouts.facilitatorCalled", { roomIndex: room.index, participantId: who.id, at: now }));
}

export function closeBreakouts(state: SessionState): Decision {
  if (state.breakouts.rooms.length === 0) return roomsMessageClosed("there is nothing to close");
  return accept(event("breakouts.closed", {}));
}

export function applyBreakoutEvent(
  state: SessionState,
  e: EventOf<"breakouts.opened" | "breakouts.moved" | "breakouts.broadcast" | "breakouts.facilitatorCalled" | "breakouts.closed">,
): SessionState {
  const b = state.breakouts;
  switch (e.type) {
    case "breakouts.opened":
      return {
        ...state,
        breakouts: { ...b, rooms: e.payload.rooms.map((r) => ({ index: r.index, participantIds: r.participantIds.slice() })), calls: [] },
      };
    case "breakouts.moved": {
      const { participantId, roomIndex } = e.payload;
      const rooms = b.rooms.map((r) => {
        const others = r.participantIds.filter((id) => id !== participantId);
        return { ...r, participantIds: r.index === roomIndex ? [...others, participantId] : others };
      });
      return { ...state, breakouts: { ...b, rooms } };
    }
    case "breakouts.broadcast":
      return {
        ...state,
        nextId: state.nextId + 1,
        breakouts: { ...b, broadcasts: [...b.broadcasts, e.payload].slice(-KEEP_BROADCASTS) },
      };
    case "breakouts.facilitatorCalled":
      return { ...state, breakouts: { ...b, calls: [...b.calls, e.payload].slice(-KEEP_CALLS) } };
    case "breakouts.closed":
      return { ...state, breakouts: { ...b, rooms: [], calls: [] } };
  }
}
