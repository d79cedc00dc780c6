import { mediaRoomKey, type MediaPeerState, type MediaRoom, type MediaRoomKey } from "../../domain/realtime-media";
import type { ParticipantRole, SessionState } from "../../domain/session";

/** What a connection carries once it joined a media room; read across nodes through `fetchSockets`. */
export interface MediaSeat extends MediaPeerState {
  peerId: string;
  sessionId: string;
  participantId: string;
  roomKey: MediaRoomKey;
  mode: "mesh" | "livekit";
  /** A facilitator visiting a breakout room; null in the main room. */
  visit: number | null;
}

/**
 * The media room the session puts a person in. Participants follow their breakout assignment;
 * facilitators belong to the main room and may visit an open breakout.
 */
export function mediaRoomFor(state: SessionState, participantId: string, role: ParticipantRole, visit: number | null): MediaRoom {
  if (role !== "participant") {
    const open = visit !== null && state.breakouts.rooms.some((r) => r.index === visit);
    return open ? { key: mediaRoomKey(visit), breakout: visit } : { key: "main", breakout: null };
  }
  const room = state.breakouts.rooms.find((r) => r.participantIds.includes(participantId));
  return room ? { key: mediaRoomKey(room.index), breakout: room.index } : { key: "main", breakout: null };
}

export function roomOfKey(key: MediaRoomKey): MediaRoom {
  if (key === "main") return { key, breakout: null };
  return { key, breakout: Number(key.slice("breakout:".length)) };
}

/** A small per-connection budget: `limit` messages per `windowMs`, refilled continuously. */
export class Budget {
  private tokens: number;
  private at = Date.now();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.tokens = limit;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limit, this.tokens + ((now - this.at) / this.windowMs) * this.limit);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
