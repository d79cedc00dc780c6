import { AccessToken } from "livekit-server-sdk";
import type { MediaConnection } from "../../domain/api/media";
import type { Config } from "../config";
import { conflict, forbidden } from "../errors";
import type { Seat } from "./seat";

/** LiveKit room names: one for the session's main room, one per breakout. */
export function mainRoomName(sessionId: string) {
  return `pyou-${sessionId}`;
}
export function breakoutRoomName(sessionId: string, index: number) {
  return `pyou-${sessionId}-breakout-${index}`;
}

/**
 * The room this person's media belongs in now: their breakout when breakouts are open and they
 * are assigned to one, otherwise the main room. A facilitator may ask for a breakout to visit it.
 */
export function roomFor(seat: Seat, requested?: number): { room: string; breakoutRoom: number | null } {
  const rooms = seat.state.breakouts.rooms;
  if (requested !== undefined) {
    if (!seat.facilitator) throw forbidden("Only facilitators can choose a breakout room to visit.");
    if (!rooms.some((r) => r.index === requested)) throw conflict(rooms.length === 0 ? "Breakout rooms are not open." : `There is no breakout room ${requested + 1}.`);
    return { room: breakoutRoomName(seat.sessionId, requested), breakoutRoom: requested };
  }
  const mine = rooms.find((r) => r.participantIds.includes(seat.identity));
  return mine ? { room: breakoutRoomName(seat.sessionId, mine.index), breakoutRoom: mine.index } : { room: mainRoomName(seat.sessionId), breakoutRoom: null };
}

/**
 * How the browser connects: with LiveKit configured, a room token naming the person by their
 * display name and seat id, allowed to publish and subscribe (facilitators also administer the
 * room: mute or remove someone); without it, the ICE servers for the browsers' own mesh.
 */
export async function mediaConnection(config: Config, seat: Seat, requestedBreakout?: number): Promise<MediaConnection> {
  const { room, breakoutRoom } = roomFor(seat, requestedBreakout);
  if (!config.livekit) return { mode: "mesh", iceServers: config.iceServers };
  const { url, apiKey, apiSecret, tokenTtlSeconds } = config.livekit;
  const at = new AccessToken(apiKey, apiSecret, {
    identity: seat.identity,
    name: seat.displayName,
    ttl: tokenTtlSeconds,
    metadata: JSON.stringify({ sessionId: seat.sessionId, role: seat.facilitator ? "facilitator" : "participant", breakoutRoom }),
  });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: seat.facilitator });
  const token = await at.toJwt();
  return { mode: "livekit", url, token, room, breakoutRoom, expiresAt: new Date(Date.now() + tokenTtlSeconds * 1000).toISOString() };
}
