import { Counter } from "prom-client";
import type { Namespace, Socket } from "socket.io";
import { liveRooms, signalsShareSchema, type ClientToServerEvents, type ParticipantSignals, type ServerToClientEvents, type SignalsAggregate } from "../../domain/realtime";
import { MIN_GROUP_SIZE, SIGNALS_WINDOW_MS, engagementOf, faceValence, talkShares, type VoiceWindow } from "../../domain/signals";
import type { AppContext } from "../context";
import { MinuteSummaries } from "./minutes";
import { signalsRepository } from "./repository";
import { signalsService } from "./service";

/** What the `/live` handlers put on a socket once it joined; read structurally to stay decoupled. */
interface SeatData {
  seat?: { sessionId: string; participantId: string; role: string; table?: boolean };
}

type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;

/** A share is a dozen numbers; anything bigger is not one (and could be something that must not leave a device). */
const MAX_SHARE_BYTES = 2_048;
/** Devices send every 10 s; faster than every 2 s is a broken or abusive client. */
const MIN_INTERVAL_MS = 2_000;
/** A person's live numbers are dropped from the group after three silent windows. */
const FRESH_MS = 3 * SIGNALS_WINDOW_MS;

export type DropReason = "not_joined" | "not_participant" | "too_fast" | "too_large" | "invalid" | "other_session" | "no_consent";

interface LiveEntry extends ParticipantSignals {
  speakingMsTotal: number;
}

interface SessionSignals {
  people: Map<string, LiveEntry>;
  dirty: Set<string>;
  stopped: Set<string>;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The server side of voice and face signals on `/live`. It forwards a participant's window
 * to the session's facilitators only when the participant currently consents to that kind
 * and the organisation allows it; everything else is dropped without an answer (the event is
 * volatile). Live numbers stay in memory; per-minute summaries go to `signal_minutes`.
 */
export function installSignals(nsp: LiveNamespace, ctx: AppContext): { flush(): Promise<void> } {
  const service = signalsService(ctx);
  const repo = signalsRepository(ctx.database.db);
  const minutes = new MinuteSummaries();
  const sessions = new Map<string, SessionSignals>();
  const lastShareAt = new WeakMap<Socket, number>();
  const shares = new Counter({ name: "signals_shares_total", help: "Voice and face signal windows by outcome", labelNames: ["outcome"] as const, registers: [ctx.metrics.registry] });

  const sessionOf = (sessionId: string) => {
    let s = sessions.get(sessionId);
    if (!s) sessions.set(sessionId, (s = { people: new Map(), dirty: new Set(), stopped: new Set() }));
    return s;
  };
  const drop = (reason: DropReason) => shares.inc({ outcome: reason });

  nsp.on("connection", (socket) => {
    socket.on("signals:share", async (raw: unknown) => {
      try {
        const seat = (socket.data as SeatData).seat;
        if (!seat) return drop("not_joined");
        if (seat.table || seat.role !== "participant") return drop("not_participant");
        const now = Date.now();
        if (now - (lastShareAt.get(socket) ?? 0) < MIN_INTERVAL_MS) return drop("too_fast");
        if (JSON.stringify(raw ?? null).length > MAX_SHARE_BYTES) return drop("too_large");
        const parsed = signalsShareSchema.safeParse(raw);
        if (!parsed.success) return drop("invalid");
        const share = parsed.data;
        if (share.sessionId !== seat.sessionId) return drop("other_session");
        lastShareAt.set(socket, now);
        const permitted = await service.permitted(seat.sessionId, seat.participantId);
        // An older client may send only `speakingMs`; it is a voice measure and needs voice consent too.
        const voice: VoiceWindow | undefined = permitted.has("voice")
          ? (share.voice ?? (share.speakingMs !== undefined ? { activity: Math.min(1, share.speakingMs / share.windowMs), speakingMs: Math.min(share.speakingMs, share.windowMs), loudness: 0, pitchVariation: 0, speakingRate: 0 } : undefined))
          : undefined;
        const face = permitted.has("face") ? share.face : undefined;
        if (!voice && !face) return drop("no_consent");
        // The server recomputes the derived numbers; a client cannot claim more than it measured.
        const engagement = engagementOf({ voice, face });
        const valence = face ? faceValence(face) : undefined;
        const s = sessionOf(seat.sessionId);
        const before = s.people.get(seat.participantId);
        const entry: LiveEntry = {
          at: now,
          speakingMsTotal: (before?.speakingMsTotal ?? 0) + (voice?.speakingMs ?? 0),
          ...(engagement !== undefined ? { engagement } : {}),
          ...(valence !== undefined ? { valence } : {}),
          ...(voice ? { voice } : {}),
          ...(face ? { face } : {}),
        };
        s.people.set(seat.participantId, entry);
        s.dirty.add(seat.participantId);
        s.stopped.delete(seat.participantId);
        minutes.add(seat.sessionId, seat.participantId, now, { windowMs: share.windowMs, voice, face, engagement, valence });
        shares.inc({ outcome: "accepted" });
      } catch (err) {
        ctx.log.warn({ err }, "signals:share failed");
      }
    });
  });

  // A withdrawn kind stops at once on this node; facilitators learn that someone stopped, not why.
  const onConsent = ({ sessionId, participantId, kinds }: { sessionId: string; participantId: string; kinds: string[] }) => {
    const s = sessionOf(sessionId);
    const entry = s.people.get(participantId);
    if (kinds.length === 0) {
      s.people.delete(participantId);
      s.dirty.delete(participantId);
      s.stopped.add(participantId);
      return;
    }
    if (!entry) return;
    if (!kinds.includes("voice")) delete entry.voice;
    if (!kinds.includes("face")) delete entry.face;
    const engagement = engagementOf({ voice: entry.voice, face: entry.face });
    if (engagement === undefined) delete entry.engagement;
    else entry.engagement = engagement;
    if (!entry.face) delete entry.valence;
    s.dirty.add(participantId);
  };
  service.events.on("consent", onConsent);

  function aggregateFor(sessionId: string, s: SessionSignals, now: number): SignalsAggregate | null {
    for (const [id, e] of s.people) if (now - e.at > FRESH_MS) s.people.delete(id);
    if (s.dirty.size === 0 && s.stopped.size === 0) return null;
    const fresh = [...s.people.entries()];
    const message: SignalsAggregate = { sessionId, at: now, windowMs: SIGNALS_WINDOW_MS, contributors: fresh.length };
    if (fresh.length >= MIN_GROUP_SIZE) {
      const eng = fresh.map(([, e]) => e.engagement).filter((x): x is number => x !== undefined);
      const val = fresh.map(([, e]) => e.valence).filter((x): x is number => x !== undefined);
      if (eng.length >= MIN_GROUP_SIZE) message.engagement = round(mean(eng));
      if (val.length >= MIN_GROUP_SIZE) message.valence = round(mean(val));
    }
    const speaking = Object.fromEntries(fresh.filter(([, e]) => e.voice).map(([id, e]) => [id, e.speakingMsTotal]));
    if (Object.keys(speaking).length) message.talkShare = talkShares(speaking);
    const participants: Record<string, ParticipantSignals> = {};
    for (const id of s.dirty) {
      const e = s.people.get(id);
      if (!e) continue;
      const { speakingMsTotal: _total, ...visible } = e;
      participants[id] = visible;
    }
    if (Object.keys(participants).length) message.participants = participants;
    if (s.stopped.size) message.stopped = [...s.stopped];
    s.dirty.clear();
    s.stopped.clear();
    return message;
  }

  const tick = setInterval(() => {
    const now = Date.now();
    for (const [sessionId, s] of sessions) {
      const message = aggregateFor(sessionId, s, now);
      if (message) nsp.to(liveRooms.facilitators(sessionId)).volatile.emit("signals:aggregate", message);
      if (s.people.size === 0 && s.dirty.size === 0 && s.stopped.size === 0) sessions.delete(sessionId);
    }
  }, 1000);
  tick.unref();

  async function store(rows: ReturnType<MinuteSummaries["takeAll"]>) {
    if (!rows.length) return;
    try {
      await repo.insertMinutes(rows);
    } catch (err) {
      ctx.log.warn({ err, rows: rows.length }, "could not store signal minutes");
    }
  }
  const storer = setInterval(() => void store(minutes.takeDue(Date.now())), 5_000);
  storer.unref();

  ctx.onClose(async () => {
    clearInterval(tick);
    clearInterval(storer);
    service.events.off("consent", onConsent);
    await store(minutes.takeAll());
  });

  service.storeMinutesNow = () => store(minutes.takeAll());
  return { flush: () => store(minutes.takeAll()) };
}
