import { randomUUID } from "node:crypto";
import { Counter } from "prom-client";
import type { Namespace, Socket } from "socket.io";
import { liveRooms, type ClientToServerEvents, type ServerToClientEvents } from "../../domain/realtime";
import {
  MEDIA_RESUME_GRACE_MS,
  MESH_MAX_PEERS,
  mediaCaptionSchema,
  mediaJoinSchema,
  mediaSignalSchema,
  mediaStateSchema,
  type MediaAck,
  type MediaPeer,
  type MediaRoomAnswer,
  type MediaRoomKey,
} from "../../domain/realtime-media";
import type { ParticipantRole, SessionState } from "../../domain/session";
import type { AppContext } from "../context";
import { captionSignals } from "./media-captions";
import { Budget, mediaRoomFor, roomOfKey, type MediaSeat } from "./media-rooms";

type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** What the `/live` handlers put on a socket; read structurally to stay decoupled from server.ts. */
interface Data {
  seat?: { sessionId: string; participantId: string; role: ParticipantRole; table?: boolean };
  media?: MediaSeat;
}

type Failure = Extract<MediaRoomAnswer, { ok: false }>;
const fail = (code: Failure["error"]["code"], message: string): Failure => ({ ok: false, error: { code, message } });
const dataOf = (socket: { data: unknown }) => socket.data as Data;
const asPeer = (m: MediaSeat): MediaPeer => ({ peerId: m.peerId, participantId: m.participantId, mode: m.mode, audio: m.audio, video: m.video, screen: m.screen });

/** Offers, answers and candidates: a few dozen per peer when a connection starts, far fewer after. */
const SIGNALS_PER_10S = 400;
const CAPTIONS_PER_10S = 40;

const fullMessage = `This room already has ${MESH_MAX_PEERS} people with audio and video, the most a built-in room can hold. You can still follow the session without joining the call.`;

interface Held {
  seat: MediaSeat;
  timer: NodeJS.Timeout;
}

/**
 * Audio and video signalling on `/live`. The server never touches media: it keeps who is in
 * which media room (the session's main room or a breakout), relays offers, answers and ICE
 * candidates to one peer in the same room, and moves people's media when the session moves
 * them. Captions are relayed to the room; with voice consent a finished phrase also feeds the
 * session's text signals.
 */
export function installMedia(nsp: LiveNamespace, ctx: AppContext): void {
  const relayed = new Counter({ name: "media_signals_total", help: "Media signalling messages by outcome", labelNames: ["kind", "outcome"] as const, registers: [ctx.metrics.registry] });
  const captions = captionSignals(ctx);
  /** Peers whose connection dropped, kept for a grace period so a quick reconnect keeps its calls. */
  const held = new Map<string, Held>();
  const budgets = new WeakMap<LiveSocket, { signals: Budget; captions: Budget }>();
  const budgetOf = (socket: LiveSocket) => {
    let b = budgets.get(socket);
    if (!b) budgets.set(socket, (b = { signals: new Budget(SIGNALS_PER_10S, 10_000), captions: new Budget(CAPTIONS_PER_10S, 10_000) }));
    return b;
  };

  async function seatsIn(sessionId: string, key: MediaRoomKey): Promise<MediaSeat[]> {
    const sockets = await nsp.in(liveRooms.media(sessionId, key)).fetchSockets();
    const seen = new Map<string, MediaSeat>();
    for (const s of sockets) {
      const m = dataOf(s).media;
      if (m && m.sessionId === sessionId && m.roomKey === key) seen.set(m.peerId, m);
    }
    for (const h of held.values()) if (h.seat.sessionId === sessionId && h.seat.roomKey === key) seen.set(h.seat.peerId, h.seat);
    return [...seen.values()];
  }

  /** Puts a connection into a media room, or says why it cannot go in. */
  async function enter(socket: LiveSocket, seat: MediaSeat, announce: boolean): Promise<MediaRoomAnswer> {
    const others = (await seatsIn(seat.sessionId, seat.roomKey)).filter((m) => m.peerId !== seat.peerId);
    if (seat.mode === "mesh" && others.filter((m) => m.mode === "mesh").length >= MESH_MAX_PEERS) return fail("conflict", fullMessage);
    dataOf(socket).media = seat;
    await socket.join(liveRooms.media(seat.sessionId, seat.roomKey));
    if (announce) socket.to(liveRooms.media(seat.sessionId, seat.roomKey)).emit("media:peer-joined", asPeer(seat));
    return { ok: true, peerId: seat.peerId, room: roomOfKey(seat.roomKey), peers: others.map(asPeer), maxPeers: MESH_MAX_PEERS };
  }

  async function leaveRoom(socket: LiveSocket, announce = true): Promise<void> {
    const m = dataOf(socket).media;
    if (!m) return;
    dataOf(socket).media = undefined;
    await socket.leave(liveRooms.media(m.sessionId, m.roomKey));
    if (announce) nsp.to(liveRooms.media(m.sessionId, m.roomKey)).emit("media:peer-left", { peerId: m.peerId });
  }

  // The session moved people (breakouts opened, moved, closed): their media follows.
  ctx.live.on("committed", (committed) => {
    const state = committed.items[committed.items.length - 1].after;
    if (!committed.items.some((i) => i.message.type === "breakouts.opened" || i.message.type === "breakouts.moved" || i.message.type === "breakouts.closed")) return;
    void followSession(committed.sessionId, state).catch((err: unknown) => ctx.log.warn({ err }, "moving media after a breakout change failed"));
  });

  async function followSession(sessionId: string, state: SessionState): Promise<void> {
    for (const socket of nsp.sockets.values()) {
      const seat = dataOf(socket).seat;
      const m = dataOf(socket).media;
      if (!seat || !m || m.sessionId !== sessionId) continue;
      const visit = state.breakouts.rooms.some((r) => r.index === m.visit) ? m.visit : null;
      const room = mediaRoomFor(state, seat.participantId, seat.role, visit);
      if (room.key === m.roomKey && visit === m.visit) continue;
      await leaveRoom(socket);
      const answer = await enter(socket, { ...m, roomKey: room.key, visit }, true);
      socket.emit("media:room", answer);
    }
    // Someone away while the rooms changed comes back as a new peer in their new room.
    for (const [peerId, h] of held) if (h.seat.sessionId === sessionId) dropHeld(peerId);
  }

  function dropHeld(peerId: string): void {
    const h = held.get(peerId);
    if (!h) return;
    clearTimeout(h.timer);
    held.delete(peerId);
    nsp.to(liveRooms.media(h.seat.sessionId, h.seat.roomKey)).emit("media:peer-left", { peerId });
  }

  nsp.on("connection", (raw) => {
    const socket = raw as LiveSocket;

    socket.on("media:join", async (request, ack) => {
      if (typeof ack !== "function") return;
      try {
        const seat = dataOf(socket).seat;
        if (!seat) return ack(fail("conflict", "Join the session before its audio and video."));
        if (seat.table) return ack(fail("forbidden", "The table view shows the session without audio or video."));
        const parsed = mediaJoinSchema.safeParse(request);
        if (!parsed.success) return ack(fail("invalid", parsed.error.issues[0]?.message ?? "Invalid media request."));
        const r = parsed.data;
        if (r.sessionId !== seat.sessionId) return ack(fail("forbidden", "You joined a different session."));
        const current = await ctx.live.current(seat.sessionId);
        if (!current) return ack(fail("not_found", "That session does not exist."));
        const me = current.state.participants[seat.participantId];
        if (!me || me.removed) return ack(fail("forbidden", "You are no longer part of this session."));
        if (!me.admitted) return ack(fail("forbidden", "The facilitator has not let you in yet."));
        const visit = seat.role !== "participant" && r.visit != null && current.state.breakouts.rooms.some((b) => b.index === r.visit) ? r.visit : null;
        if (seat.role === "participant" && r.visit != null) return ack(fail("forbidden", "The facilitator chooses the breakout rooms."));
        const room = mediaRoomFor(current.state, seat.participantId, seat.role, visit);
        const previous = dataOf(socket).media;
        if (previous) await leaveRoom(socket, previous.roomKey !== room.key);
        // A quick reconnect keeps its peer id (and so its calls) when it comes back to the same room.
        const resumed = r.resume ? held.get(r.resume) : undefined;
        const keep = resumed && resumed.seat.participantId === seat.participantId && resumed.seat.sessionId === seat.sessionId && resumed.seat.roomKey === room.key;
        if (resumed && keep) {
          clearTimeout(resumed.timer);
          held.delete(resumed.seat.peerId);
        } else if (r.resume && held.has(r.resume) && held.get(r.resume)!.seat.participantId === seat.participantId) dropHeld(r.resume);
        const peerId = keep ? resumed.seat.peerId : previous && previous.roomKey === room.key ? previous.peerId : randomUUID();
        const next: MediaSeat = { peerId, sessionId: seat.sessionId, participantId: seat.participantId, roomKey: room.key, mode: r.mode, visit, audio: r.audio, video: r.video, screen: false };
        ack(await enter(socket, next, true));
      } catch (err) {
        ctx.log.error({ err }, "media:join failed");
        ack(fail("invalid", "Could not join the audio and video. Please try again."));
      }
    });

    socket.on("media:leave", async (ack) => {
      await leaveRoom(socket).catch(() => undefined);
      if (typeof ack === "function") ack({ ok: true });
    });

    socket.on("media:signal", async (request, ack) => {
      const reply = (a: MediaAck) => (typeof ack === "function" ? ack(a) : undefined);
      try {
        const me = dataOf(socket).media;
        if (!me) {
          relayed.inc({ kind: "signal", outcome: "not_joined" });
          return reply(fail("conflict", "Join the audio and video before signalling."));
        }
        if (!budgetOf(socket).signals.take()) {
          relayed.inc({ kind: "signal", outcome: "rate_limited" });
          return reply(fail("rate_limited", "Too many signalling messages; slow down."));
        }
        const parsed = mediaSignalSchema.safeParse(request);
        if (!parsed.success) {
          relayed.inc({ kind: "signal", outcome: "invalid" });
          return reply(fail("invalid", parsed.error.issues[0]?.message ?? "Invalid signal."));
        }
        const { to, description, candidate } = parsed.data;
        // Only someone in the same room, of the same session, can be reached.
        const targets = await nsp.in(liveRooms.media(me.sessionId, me.roomKey)).fetchSockets();
        const target = targets.find((s) => dataOf(s).media?.peerId === to && dataOf(s).media?.sessionId === me.sessionId);
        if (!target || to === me.peerId) {
          relayed.inc({ kind: "signal", outcome: "no_peer" });
          return reply(fail("not_found", "That person is not in your room."));
        }
        nsp.to(target.id).emit("media:signal", { from: me.peerId, ...(description ? { description } : {}), ...(candidate !== undefined ? { candidate } : {}) });
        relayed.inc({ kind: "signal", outcome: "relayed" });
        reply({ ok: true });
      } catch (err) {
        ctx.log.warn({ err }, "media:signal failed");
        reply(fail("invalid", "The signal could not be delivered."));
      }
    });

    socket.on("media:state", (request) => {
      const me = dataOf(socket).media;
      const parsed = mediaStateSchema.safeParse(request);
      if (!me || !parsed.success || !budgetOf(socket).signals.take()) return;
      Object.assign(me, parsed.data);
      nsp.to(liveRooms.media(me.sessionId, me.roomKey)).emit("media:peer-updated", asPeer(me));
    });

    socket.on("media:caption", (request) => {
      const me = dataOf(socket).media;
      const seat = dataOf(socket).seat;
      if (!me || !seat) return relayed.inc({ kind: "caption", outcome: "not_joined" });
      if (!budgetOf(socket).captions.take()) return relayed.inc({ kind: "caption", outcome: "rate_limited" });
      const parsed = mediaCaptionSchema.safeParse(request);
      if (!parsed.success) return relayed.inc({ kind: "caption", outcome: "invalid" });
      const text = parsed.data.text.trim();
      if (!text) return;
      socket.to(liveRooms.media(me.sessionId, me.roomKey)).volatile.emit("media:caption", { peerId: me.peerId, participantId: me.participantId, text, final: parsed.data.final, at: Date.now() });
      relayed.inc({ kind: "caption", outcome: "relayed" });
      if (parsed.data.final && seat.role === "participant") captions.feed(me.sessionId, me.participantId, text);
    });

    socket.on("disconnect", (reason) => {
      const m = dataOf(socket).media;
      if (!m) return;
      dataOf(socket).media = undefined;
      // A lost network may come back in a moment: keep the place so the calls can resume.
      const lost = reason === "transport close" || reason === "transport error" || reason === "ping timeout";
      if (!lost) {
        nsp.to(liveRooms.media(m.sessionId, m.roomKey)).emit("media:peer-left", { peerId: m.peerId });
        return;
      }
      const timer = setTimeout(() => dropHeld(m.peerId), MEDIA_RESUME_GRACE_MS);
      timer.unref();
      held.set(m.peerId, { seat: m, timer });
    });
  });

  ctx.onClose(async () => {
    for (const h of held.values()) clearTimeout(h.timer);
    held.clear();
    await captions.drain();
  });
}
