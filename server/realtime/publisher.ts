import type { Server } from "socket.io";
import { liveRooms, type ClientToServerEvents, type SessionEventMessage, type ServerToClientEvents } from "../../domain/realtime";
import { redactEvent, type ParticipantRole, type SessionEvent } from "../../domain/session";
import type { Committed } from "../sessions/live";

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

/** The shared screen in the room sees what any participant may see, and nothing private. */
export const tableViewerId = (sessionId: string) => `table:${sessionId}`;

/**
 * Sends each stored event to everyone in the session, in seq order, after commit. Each person
 * gets their own redacted copy; people whose copies are identical share one broadcast, so a
 * phase change to 500 people is one room emit, and only what differs goes person by person.
 */
export function publishCommitted(io: Io, committed: Committed): void {
  const nsp = io.of("/live");
  for (const { message, before, after } of committed.items) {
    const event = { type: message.type, payload: message.payload } as SessionEvent;
    const groups = new Map<string, { copy: SessionEvent; people: string[] }>();
    // Everyone who was in the session before or after the event hears about it.
    const ids = new Set([...Object.keys(before.participants), ...Object.keys(after.participants), tableViewerId(committed.sessionId)]);
    for (const id of ids) {
      const p = after.participants[id] ?? before.participants[id];
      const copy = redactEvent(event, { participantId: id, role: (p?.role ?? "participant") as ParticipantRole }, before);
      const key = copy === event ? "" : JSON.stringify(copy.payload);
      const g = groups.get(key);
      if (g) g.people.push(id);
      else groups.set(key, { copy, people: [id] });
    }
    const largest = [...groups.values()].sort((a, b) => b.people.length - a.people.length)[0];
    const others = [...groups.values()].filter((g) => g !== largest);
    const wrap = (copy: SessionEvent): SessionEventMessage => ({ ...message, type: copy.type, payload: copy.payload } as SessionEventMessage);
    if (largest) {
      const except = others.flatMap((g) => g.people.map((id) => liveRooms.person(id)));
      nsp.to(liveRooms.session(committed.sessionId)).except(except).emit("session:event", wrap(largest.copy));
    }
    for (const g of others) nsp.to(g.people.map((id) => liveRooms.person(id))).emit("session:event", wrap(g.copy));
  }
}
