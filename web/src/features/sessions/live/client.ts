import { io, type Socket } from "socket.io-client";
import type {
  ClientToServerEvents,
  CommandAck,
  PresenceUpdate,
  RealtimeError,
  ServerToClientEvents,
  SessionAlert,
  SessionEventMessage,
  SessionJoinAck,
  SessionJoinRequest,
} from "../../../../../domain/realtime";
import type { ClientCommandType, CommandPayloads } from "../../../../../domain/session/commands";
// evolve is imported from its own module: the package index also exports the zod schemas,
// which the browser does not need here.
import { evolve } from "../../../../../domain/session/evolve";
import type { SessionState } from "../../../../../domain/session/types";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `connecting`: never joined yet; `reconnecting`: joined before, connection lost; `failed`: cannot continue. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "failed";

export interface Presence {
  active: boolean;
  lastSeenAt: number;
}

export interface LiveSnapshot {
  status: LiveStatus;
  state: SessionState | null;
  seq: number;
  presence: Readonly<Record<string, Presence>>;
  /** Commands given but not yet stored by the server. */
  pendingCount: number;
  /** Why the client stopped (removed, wrong session, token no longer valid). */
  error: RealtimeError | null;
  alerts: readonly SessionAlert[];
  /** Roughly how far the server's clock is ahead of this device's; timers count down on the server's time. */
  clockOffsetMs: number;
}

export type CommandResult = CommandAck;

export type EventListener = (event: SessionEventMessage, before: SessionState, after: SessionState) => void;

export interface LiveClientOptions {
  sessionId: string;
  /** The seat this client speaks for, to notice being removed; absent for the table view. */
  participantId?: string;
  /** The token to connect with: a user access token or a participant token. */
  getToken: () => Promise<string | null>;
  /** A fresh user token after the server refused the current one; absent for participant tokens. */
  refreshToken?: () => Promise<string | null>;
  view?: "table";
  /** How long a missing event may stay missing before asking the server again. */
  gapTimeoutMs?: number;
  heartbeatMs?: number;
  ackTimeoutMs?: number;
  retryDelayMs?: number;
  createSocket?: (auth: (cb: (data: { token: string }) => void) => void) => LiveSocket;
  newId?: () => string;
  isActive?: () => boolean;
}

interface PendingCommand {
  id: string;
  type: ClientCommandType;
  payload: unknown;
  /** Bumped at each send so a late answer to an older attempt is ignored. */
  attempt: number;
  resolve: (result: CommandResult) => void;
}

const EMPTY: LiveSnapshot = { status: "connecting", state: null, seq: 0, presence: {}, pendingCount: 0, error: null, alerts: [], clockOffsetMs: 0 };
const FATAL_JOIN_ERRORS = new Set(["forbidden", "not_found", "unauthenticated"]);

function defaultSocket(auth: (cb: (data: { token: string }) => void) => void): LiveSocket {
  return io("/live", { path: "/socket.io", autoConnect: false, auth, transports: ["websocket", "polling"] });
}

function randomId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * One person's live copy of a session. It applies the server's events with the same
 * `evolve` as the server, strictly in seq order; keeps commands until the server stores
 * them (resending after a reconnect, which the server dedupes by id); and rejoins with
 * the last seq it has so only missed events are sent.
 */
export class LiveClient {
  private readonly opts: Required<Omit<LiveClientOptions, "participantId" | "refreshToken" | "view">> &
    Pick<LiveClientOptions, "participantId" | "refreshToken" | "view">;
  private socket: LiveSocket | null = null;
  private token: string | null = null;
  private snapshot: LiveSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<EventListener>();
  private readonly joinListeners = new Set<(socket: LiveSocket) => void>();
  private readonly buffer = new Map<number, SessionEventMessage>();
  private readonly pending: PendingCommand[] = [];
  private joined = false;
  private closed = false;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshes = 0;
  private clockSamples = 0;

  constructor(options: LiveClientOptions) {
    this.opts = {
      gapTimeoutMs: 2000,
      heartbeatMs: 20_000,
      ackTimeoutMs: 10_000,
      retryDelayMs: 1500,
      createSocket: defaultSocket,
      newId: randomId,
      isActive: () => typeof document === "undefined" || document.visibilityState === "visible",
      ...options,
    };
  }

  // --- store interface for useSyncExternalStore -------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  onEvent(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * For features that speak on the same connection (audio and video): called with the socket
   * each time the session is joined, including after a reconnect, and at once if it already is.
   */
  onJoined(listener: (socket: LiveSocket) => void): () => void {
    this.joinListeners.add(listener);
    if (this.joined && this.socket) listener(this.socket);
    return () => this.joinListeners.delete(listener);
  }

  private update(change: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const l of this.listeners) l();
  }

  // --- connection -------------------------------------------------------------------------

  async start(): Promise<void> {
    this.token = await this.opts.getToken();
    if (this.closed) return;
    if (!this.token) return this.fail({ code: "unauthenticated", message: "unauthenticated" });
    const socket = this.opts.createSocket((cb) => cb({ token: this.token ?? "" }));
    this.socket = socket;
    socket.on("connect", () => this.join());
    socket.on("connect_error", (err) => void this.connectFailed(err));
    socket.on("disconnect", (reason) => this.disconnected(reason));
    socket.on("session:event", (m) => this.receive(m));
    socket.on("presence:update", (u) => this.presenceChanged(u));
    socket.on("session:alert", (a) => {
      if (a.sessionId === this.opts.sessionId) this.update({ alerts: [...this.snapshot.alerts, a].slice(-20) });
    });
    socket.connect();
    if (typeof document !== "undefined") document.addEventListener("visibilitychange", this.beat);
  }

  close(): void {
    this.closed = true;
    this.stopTimers();
    if (typeof document !== "undefined") document.removeEventListener("visibilitychange", this.beat);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.listeners.clear();
    this.eventListeners.clear();
    this.joinListeners.clear();
  }

  private stopTimers(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.gapTimer = this.heartbeat = this.retryTimer = null;
  }

  private fail(error: RealtimeError): void {
    this.stopTimers();
    this.joined = false;
    this.socket?.disconnect();
    this.update({ status: "failed", error });
  }

  private async connectFailed(err: Error): Promise<void> {
    if (this.closed) return;
    if (err.message.startsWith("unauthenticated")) {
      // Access tokens are short-lived: a user gets a fresh one; a guest's seat token cannot be renewed.
      if (!this.opts.refreshToken || this.refreshes >= 3) return this.fail({ code: "unauthenticated", message: err.message });
      this.refreshes += 1;
      this.token = await this.opts.refreshToken();
      if (this.closed) return;
      if (!this.token) return this.fail({ code: "unauthenticated", message: err.message });
      this.socket?.connect();
      return;
    }
    // Refused by the server rather than a lost transport: Socket.IO will not retry by itself.
    if (this.socket && !this.socket.active) this.retryLater(() => this.socket?.connect());
  }

  private retryLater(action: () => void): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) action();
    }, this.opts.retryDelayMs);
  }

  private disconnected(reason: string): void {
    if (this.closed) return;
    this.joined = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const me = this.opts.participantId ? this.snapshot.state?.participants[this.opts.participantId] : undefined;
    if (me?.removed) return this.fail({ code: "forbidden", message: "removed" });
    this.update({ status: this.snapshot.state ? "reconnecting" : "connecting" });
    // The server closed this connection on purpose; ask again (a join then says why, if it must).
    if (reason === "io server disconnect") this.retryLater(() => this.socket?.connect());
  }

  /** Joins, or rejoins on the same connection, asking only for what was missed. */
  private join(): void {
    const socket = this.socket;
    if (!socket || this.closed) return;
    this.refreshes = 0;
    const request: SessionJoinRequest & { view?: "table" } = { sessionId: this.opts.sessionId };
    if (this.snapshot.state) request.lastSeq = this.snapshot.seq;
    if (this.opts.view) request.view = this.opts.view;
    socket.timeout(this.opts.ackTimeoutMs).emit("session:join", request, (err: Error | null, ack: SessionJoinAck) => {
      if (this.closed || socket !== this.socket) return;
      if (err) {
        if (socket.connected) this.join();
        return;
      }
      this.joinAnswered(ack);
    });
  }

  private joinAnswered(ack: SessionJoinAck): void {
    if (!ack.ok) {
      if (FATAL_JOIN_ERRORS.has(ack.error.code)) return this.fail(ack.error);
      return this.retryLater(() => this.join());
    }
    this.joined = true;
    // The answer is the server's own (already redacted) view: it replaces whatever we had.
    this.update({ status: "live", state: ack.state, seq: ack.seq, error: null });
    this.drain();
    this.startHeartbeat();
    for (const p of this.pending) this.transmit(p);
    if (this.socket) for (const l of this.joinListeners) l(this.socket);
  }

  // --- events -----------------------------------------------------------------------------

  private receive(m: SessionEventMessage): void {
    // Events replayed while catching up carry old stamps; only live ones say what time it is.
    if (this.joined) this.sampleClock(m.at);
    if (m.seq <= this.snapshot.seq && this.snapshot.state) return;
    this.buffer.set(m.seq, m);
    if (this.snapshot.state) this.drain();
  }

  /**
   * An event is stamped when stored, before it travels, so the server's clock is at least
   * that far ahead: the largest sample is the best estimate (old, replayed events only give
   * smaller ones and so never win).
   */
  private sampleClock(at: number): void {
    const sample = at - Date.now();
    const current = this.snapshot.clockOffsetMs;
    this.clockSamples += 1;
    if (this.clockSamples === 1 || sample > current + 250) this.update({ clockOffsetMs: sample });
  }

  /** Applies every buffered event that follows on; an event after a hole waits for it. */
  private drain(): void {
    let { state, seq } = this.snapshot;
    if (!state) return;
    for (const key of this.buffer.keys()) if (key <= seq) this.buffer.delete(key);
    const applied: [SessionEventMessage, SessionState, SessionState][] = [];
    for (let next = this.buffer.get(seq + 1); next; next = this.buffer.get(seq + 1)) {
      this.buffer.delete(next.seq);
      const before: SessionState = state;
      state = evolve(before, next);
      seq = next.seq;
      applied.push([next, before, state]);
    }
    if (applied.length > 0) this.update({ state, seq });
    for (const [m, before, after] of applied) for (const l of this.eventListeners) l(m, before, after);
    if (this.buffer.size === 0) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
    } else if (!this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        // Still a hole after the grace period: the event was lost; ask for everything after our seq.
        if (this.buffer.size > 0 && this.joined) this.join();
      }, this.opts.gapTimeoutMs);
    }
  }

  private presenceChanged(u: PresenceUpdate): void {
    if (u.sessionId !== this.opts.sessionId) return;
    const presence: Record<string, Presence> = { ...this.snapshot.presence };
    for (const p of u.present) presence[p.participantId] = { active: p.active, lastSeenAt: p.lastSeenAt };
    for (const id of u.absent ?? []) delete presence[id];
    this.update({ presence });
  }

  private startHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(this.beat, this.opts.heartbeatMs);
  }

  private beat = (): void => {
    if (!this.joined || !this.socket) return;
    this.socket.volatile.emit("presence:heartbeat", { sessionId: this.opts.sessionId, active: this.opts.isActive() });
  };

  // --- commands ---------------------------------------------------------------------------

  /** Gives a command; resolves once the server stored it or refused it. Never dropped while waiting. */
  send<K extends ClientCommandType>(type: K, payload: CommandPayloads[K]): Promise<CommandResult> {
    return new Promise((resolve) => {
      const command: PendingCommand = { id: this.opts.newId(), type, payload, attempt: 0, resolve };
      this.pending.push(command);
      this.update({ pendingCount: this.pending.length });
      if (this.joined) this.transmit(command);
    });
  }

  private transmit(command: PendingCommand): void {
    const socket = this.socket;
    if (!socket) return;
    const attempt = ++command.attempt;
    const envelope = { id: command.id, type: command.type, payload: command.payload };
    socket.timeout(this.opts.ackTimeoutMs).emit("session:command", envelope, (err: Error | null, ack: CommandAck) => {
      if (this.closed || command.attempt !== attempt || !this.pending.includes(command)) return;
      if (err) {
        // No answer in time: send it again; the server applies an id only once.
        if (this.joined) this.transmit(command);
        return;
      }
      this.pending.splice(this.pending.indexOf(command), 1);
      this.update({ pendingCount: this.pending.length });
      command.resolve(ack);
    });
  }
}
