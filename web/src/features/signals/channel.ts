import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, SessionJoinAck, SignalsAggregate, SignalsShare } from "../../../../domain/realtime";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A connection of its own for signals, beside the session's main one: signals are volatile
 * and optional, so they never share a queue (or a failure) with commands and events. It
 * joins the same seat, which the server needs to check consent and to route aggregates.
 */
export class SignalsChannel {
  private readonly socket: LiveSocket;
  private joined = false;
  private readonly listeners = new Set<(a: SignalsAggregate) => void>();

  constructor(
    private readonly sessionId: string,
    getToken: () => Promise<string | null>,
  ) {
    this.socket = io("/live", {
      path: "/socket.io",
      autoConnect: false,
      transports: ["websocket", "polling"],
      auth: (cb) => void getToken().then((token) => cb({ token: token ?? "" })),
    });
    this.socket.on("connect", () => this.join());
    this.socket.on("disconnect", () => (this.joined = false));
    this.socket.on("signals:aggregate", (a) => {
      if (a.sessionId === this.sessionId) for (const l of this.listeners) l(a);
    });
    this.socket.connect();
  }

  private join(): void {
    this.socket.timeout(10_000).emit("session:join", { sessionId: this.sessionId }, (err: Error | null, ack: SessionJoinAck) => {
      this.joined = !err && ack.ok;
    });
  }

  /** Sends one window; dropped quietly when not connected (the next window will follow). */
  share(share: SignalsShare): boolean {
    if (!this.joined) return false;
    this.socket.volatile.emit("signals:share", share);
    return true;
  }

  onAggregate(listener: (a: SignalsAggregate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
