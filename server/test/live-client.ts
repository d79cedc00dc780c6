import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, CommandAck, SessionEventMessage, SessionJoinAck, ServerToClientEvents } from "../../domain/realtime";

/** A realtime client as the web app uses it: join, send commands, and collect events in order. */
export class LiveClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly events: SessionEventMessage[] = [];

  constructor(baseUrl: string, token: string) {
    this.socket = io(`${baseUrl}/live`, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
    this.socket.on("session:event", (e) => this.events.push(e));
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", (err) => reject(err));
    });
  }

  async join(sessionId: string, lastSeq?: number, extra: Record<string, unknown> = {}): Promise<SessionJoinAck> {
    await this.connected();
    return this.socket.timeout(10_000).emitWithAck("session:join", { sessionId, lastSeq, ...extra } as never);
  }

  async command(type: string, payload: unknown = {}, id: string = randomUUID()): Promise<CommandAck> {
    return this.socket.timeout(10_000).emitWithAck("session:command", { id, type, payload });
  }

  lastSeq(): number {
    return this.events.length ? this.events[this.events.length - 1].seq : 0;
  }

  async waitFor(pred: (events: SessionEventMessage[]) => boolean, ms = 5000): Promise<void> {
    const start = Date.now();
    while (!pred(this.events)) {
      if (Date.now() - start > ms) throw new Error(`timed out; have ${this.events.map((e) => `${e.seq}:${e.type}`).join(", ")}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  waitForSeq(seq: number, ms = 5000) {
    return this.waitFor((ev) => ev.some((e) => e.seq >= seq), ms);
  }

  close() {
    this.socket.close();
  }
}
