import { createAdapter } from "@socket.io/redis-adapter";
import { Server, type Socket } from "socket.io";
import {
  LIVE_NAMESPACE,
  commandEnvelopeSchema,
  liveRooms,
  sessionJoinSchema,
  type ClientToServerEvents,
  type RealtimeError,
  type ServerToClientEvents,
} from "../../domain/realtime";
import { redactEvent, viewState, type ParticipantRole, type SessionEvent, type SessionState } from "../../domain/session";
import type { AppContext } from "../context";
import type { ZApp } from "../http/types";
import { sessionRepository } from "../sessions/repository";
import { publishCommitted, tableViewerId } from "./publisher";
import { PresenceTracker } from "./presence";
import { onSafetyAlert } from "../coach/alerts";
import { installSignals } from "../signals/live";
import { installMedia } from "./media";

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

interface SocketData {
  userId?: string;
  participantId?: string;
  tokenSessionId?: string;
  /** Set once joined: the seat this connection speaks for. */
  seat?: { sessionId: string; participantId: string; role: ParticipantRole; table?: boolean };
}

/** Catching up event by event beyond this many is slower than sending the state. */
const MAX_REPLAY = 500;

const fail = (code: RealtimeError["code"], message: string) => ({ ok: false as const, error: { code, message } });

function roomsFor(state: SessionState, sessionId: string, participantId: string): string[] {
  const room = state.breakouts.rooms.find((r) => r.participantIds.includes(participantId));
  return room ? [liveRooms.breakout(sessionId, room.index)] : [];
}

/**
 * The realtime side of live sessions on the `/live` namespace: authenticate at connect, join
 * with catch-up, commands acked after commit. Handlers never emit events themselves; the
 * publisher does, after the log has them.
 */
export async function installRealtime(app: ZApp, ctx: AppContext): Promise<Server> {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(app.server, {
    path: "/socket.io",
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    maxHttpBufferSize: 256_000,
    connectionStateRecovery: undefined,
  });
  if (ctx.redis) {
    const pub = ctx.redis.duplicate();
    const sub = ctx.redis.duplicate();
    pub.on("error", () => undefined);
    sub.on("error", () => undefined);
    io.adapter(createAdapter(pub, sub, { key: "pyou-live" }));
    ctx.onClose(async () => {
      await Promise.all([pub.quit().catch(() => undefined), sub.quit().catch(() => undefined)]);
    });
  }
  const repo = sessionRepository(ctx.database.db);
  const nsp = io.of(LIVE_NAMESPACE);
  const presence = new PresenceTracker(nsp);
  installSignals(nsp, ctx);
  installMedia(nsp, ctx);

  // A crisis sign in a participant's private coach conversation reaches the facilitators at once.
  const stopAlerts = onSafetyAlert((sessionId, participantId, kind) => {
    nsp.to(liveRooms.facilitators(sessionId)).emit("session:alert", {
      sessionId,
      participantId,
      kind,
      at: Date.now(),
      message: kind === "self_harm" || kind === "harm_to_others" || kind === "abuse" ? "A participant may need support now. Their coach has paused and offered help resources." : "A participant asked the coach for professional advice; the coach pointed them to a professional.",
    });
  });
  ctx.onClose(stopAlerts);

  ctx.live.on("committed", (committed) => {
    publishCommitted(io, committed);
    // Keep socket rooms in step with breakouts and removals on this node.
    const last = committed.items[committed.items.length - 1].after;
    for (const socket of nsp.sockets.values() as Iterable<LiveSocket>) {
      const seat = socket.data.seat;
      if (!seat || seat.sessionId !== committed.sessionId) continue;
      const p = last.participants[seat.participantId];
      if (p?.removed) {
        socket.disconnect(true);
        continue;
      }
      for (const room of socket.rooms) if (room.startsWith(`${liveRooms.session(seat.sessionId)}:breakout:`)) void socket.leave(room);
      for (const room of roomsFor(last, seat.sessionId, seat.participantId)) void socket.join(room);
    }
  });

  nsp.use(async (socket: LiveSocket, next) => {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    if (typeof token !== "string" || token.length === 0) return next(new Error("unauthenticated: connect with auth.token"));
    const claims = await ctx.tokens.verify(token).catch(() => null);
    if (!claims) return next(new Error("unauthenticated: the token is not valid or has expired"));
    if (claims.typ === "access") socket.data.userId = claims.sub;
    else {
      socket.data.participantId = claims.sub;
      socket.data.tokenSessionId = claims.sid;
    }
    next();
  });

  nsp.on("connection", (socket: LiveSocket) => {
    socket.on("session:join", async (raw, ack) => {
      if (typeof ack !== "function") return;
      try {
        const parsed = sessionJoinSchema.safeParse(raw);
        if (!parsed.success) return ack(fail("invalid", parsed.error.issues[0]?.message ?? "Invalid join request."));
        const { sessionId, lastSeq } = parsed.data;
        const seat = await seatFor(socket, sessionId, raw as { view?: unknown });
        if ("error" in seat) return ack(fail(seat.error.code, seat.error.message));
        // Join the rooms first, then read the state, so no event can fall between the two.
        socket.data.seat = seat;
        await socket.join([liveRooms.session(sessionId), liveRooms.person(seat.table ? tableViewerId(sessionId) : seat.participantId)]);
        if (seat.role !== "participant") await socket.join(liveRooms.facilitators(sessionId));
        const current = await ctx.live.current(sessionId);
        if (!current) return ack(fail("not_found", "That session does not exist."));
        const p = current.state.participants[seat.participantId];
        if (!seat.table && (!p || p.removed)) return ack(fail("forbidden", "You are no longer part of this session."));
        for (const room of roomsFor(current.state, sessionId, seat.participantId)) await socket.join(room);
        if (lastSeq !== undefined && lastSeq < current.seq && current.seq - lastSeq <= MAX_REPLAY) {
          for (const m of await ctx.live.eventsAfter(sessionId, lastSeq, current.seq - lastSeq)) {
            const viewer = { participantId: seat.table ? tableViewerId(sessionId) : seat.participantId, role: seat.table ? ("participant" as const) : seat.role };
            const copy = redactEvent({ type: m.type, payload: m.payload } as SessionEvent, viewer);
            socket.emit("session:event", { ...m, payload: copy.payload } as typeof m);
          }
        }
        const view = viewState(current.state, { participantId: seat.table ? tableViewerId(sessionId) : seat.participantId, role: seat.table ? "participant" : seat.role });
        presence.join(sessionId, seat.participantId, socket.id, seat.table === true);
        ack({ ok: true, state: view, seq: current.seq });
        // Later updates are changes only; whoever joins starts from the full list.
        socket.emit("presence:update", presence.snapshot(sessionId));
      } catch (err) {
        ctx.log.error({ err }, "session:join failed");
        ack(fail("invalid", "Could not join the session. Please try again."));
      }
    });

    socket.on("session:command", async (raw, ack) => {
      if (typeof ack !== "function") return;
      try {
        const seat = socket.data.seat;
        if (!seat) return ack(fail("conflict", "Join the session before sending commands."));
        if (seat.table) return ack(fail("forbidden", "The table view only shows the session."));
        const env = commandEnvelopeSchema.safeParse(raw);
        if (!env.success) return ack(fail("invalid", env.error.issues[0]?.message ?? "Invalid command."));
        const outcome = await ctx.live.execute(seat.sessionId, { id: env.data.id, type: env.data.type, payload: env.data.payload }, { participantId: seat.participantId, role: seat.role });
        if (outcome.ok) return ack({ ok: true, seq: outcome.seq });
        ack(outcome);
      } catch (err) {
        ctx.log.error({ err }, "session:command failed");
        ack(fail("invalid", "The command could not be applied. Please try again."));
      }
    });

    socket.on("presence:heartbeat", (hb) => {
      const seat = socket.data.seat;
      if (seat && hb && typeof hb === "object") presence.heartbeat(seat.sessionId, seat.participantId, hb.active !== false);
    });

    socket.on("disconnect", () => {
      const seat = socket.data.seat;
      if (seat) presence.leave(seat.sessionId, seat.participantId, socket.id);
    });
  });

  /** Which seat a connection may take: a guest's token names theirs; a user's is their facilitator or participant seat. */
  async function seatFor(socket: LiveSocket, sessionId: string, raw: { view?: unknown }): Promise<NonNullable<SocketData["seat"]> | { error: RealtimeError }> {
    if (socket.data.participantId) {
      if (socket.data.tokenSessionId !== sessionId) return { error: { code: "forbidden", message: "This link is for a different session." } };
      const p = await repo.participant(socket.data.participantId);
      if (!p) return { error: { code: "not_found", message: "Your seat in this session no longer exists." } };
      return { sessionId, participantId: p.id, role: p.role };
    }
    const userId = socket.data.userId!;
    const p = await repo.participantOfUser(sessionId, userId).catch(() => undefined);
    if (!p) return { error: { code: "forbidden", message: "You are not part of this session. Join it with its code." } };
    const table = raw.view === "table" && p.role !== "participant";
    return { sessionId, participantId: p.id, role: p.role, ...(table ? { table: true } : {}) };
  }

  ctx.onClose(async () => {
    presence.stop();
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });
  return io;
}
