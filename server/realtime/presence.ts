import type { Namespace } from "socket.io";
import { liveRooms } from "../../domain/realtime";

interface Seen {
  sockets: Set<string>;
  active: boolean;
  lastSeenAt: number;
}

/**
 * Who is connected, kept in memory and never stored. Changes are sent as small volatile
 * updates (a missed one is corrected by the next), batched so a crowd arriving at once
 * produces a few messages, not one per person per person.
 */
export class PresenceTracker {
  private readonly sessions = new Map<string, Map<string, Seen>>();
  private readonly dirty = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly nsp: Namespace) {
    this.timer = setInterval(() => this.flush(), 1000);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  private touch(sessionId: string, participantId: string) {
    let set = this.dirty.get(sessionId);
    if (!set) this.dirty.set(sessionId, (set = new Set()));
    set.add(participantId);
  }

  join(sessionId: string, participantId: string, socketId: string, table: boolean) {
    if (table) return;
    let people = this.sessions.get(sessionId);
    if (!people) this.sessions.set(sessionId, (people = new Map()));
    const seen = people.get(participantId) ?? { sockets: new Set<string>(), active: true, lastSeenAt: Date.now() };
    seen.sockets.add(socketId);
    seen.lastSeenAt = Date.now();
    people.set(participantId, seen);
    this.touch(sessionId, participantId);
  }

  heartbeat(sessionId: string, participantId: string, active: boolean) {
    const seen = this.sessions.get(sessionId)?.get(participantId);
    if (!seen) return;
    const changed = seen.active !== active;
    seen.active = active;
    seen.lastSeenAt = Date.now();
    if (changed) this.touch(sessionId, participantId);
  }

  leave(sessionId: string, participantId: string, socketId: string) {
    const seen = this.sessions.get(sessionId)?.get(participantId);
    if (!seen) return;
    seen.sockets.delete(socketId);
    if (seen.sockets.size === 0) {
      this.sessions.get(sessionId)!.delete(participantId);
      this.touch(sessionId, participantId);
    }
  }

  /** Everyone present in a session on this node, as a full update for someone who just joined. */
  snapshot(sessionId: string) {
    const people = this.sessions.get(sessionId);
    return { sessionId, present: [...(people?.entries() ?? [])].map(([participantId, s]) => ({ participantId, active: s.active, lastSeenAt: s.lastSeenAt })) };
  }

  private flush() {
    for (const [sessionId, ids] of this.dirty) {
      const people = this.sessions.get(sessionId);
      const present = [...ids].filter((id) => people?.has(id)).map((id) => ({ participantId: id, active: people!.get(id)!.active, lastSeenAt: people!.get(id)!.lastSeenAt }));
      const absent = [...ids].filter((id) => !people?.has(id));
      this.nsp.to(liveRooms.session(sessionId)).volatile.emit("presence:update", { sessionId, present, absent });
      if (people && people.size === 0) this.sessions.delete(sessionId);
    }
    this.dirty.clear();
  }
}
