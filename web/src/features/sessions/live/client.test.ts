import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CommandAck, SessionEventMessage, SessionJoinAck } from "../../../../../domain/realtime";
import { createInitialState } from "../../../../../domain/session/state";
import type { SessionState } from "../../../../../domain/session/types";
import { LiveClient, type LiveSocket } from "./client";

type Handler = (...args: never[]) => void;
interface Sent {
  event: string;
  data: unknown;
  ack?: (err: Error | null, answer: unknown) => void;
}

/** Just enough of a Socket.IO client socket to drive the live client by hand. */
class FakeSocket {
  handlers = new Map<string, Handler[]>();
  sent: Sent[] = [];
  connected = false;
  active = true;
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) (h as (...a: unknown[]) => void)(...args);
  }
  timeout() {
    return this;
  }
  get volatile() {
    return this;
  }
  emit(event: string, data: unknown, ack?: Sent["ack"]) {
    this.sent.push({ event, data, ack });
    return this;
  }
  connect() {
    this.connected = true;
    this.fire("connect");
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  drop(reason = "transport close") {
    this.connected = false;
    this.fire("disconnect", reason);
  }
  last(event: string): Sent {
    const found = this.sent.filter((s) => s.event === event).at(-1);
    if (!found) throw new Error(`nothing sent as ${event}`);
    return found;
  }
}

const SESSION = "s1";
const base = (): SessionState =>
  createInitialState({ sessionId: SESSION, title: "Demo", journeyId: "j", phases: [{ name: "Pause" }, { name: "Expand" }], facilitator: { participantId: "f", displayName: "Fay" } });

function chat(seq: number, text = `m${seq}`): SessionEventMessage {
  return { seq, type: "chat.sent", payload: { id: `chat-${seq}`, participantId: "f", text, at: seq }, actorId: "f", at: seq };
}

async function started(options: Partial<ConstructorParameters<typeof LiveClient>[0]> = {}) {
  const socket = new FakeSocket();
  let ids = 0;
  const client = new LiveClient({
    sessionId: SESSION,
    participantId: "f",
    getToken: () => Promise.resolve("token"),
    createSocket: () => socket as unknown as LiveSocket,
    newId: () => `c${++ids}`,
    isActive: () => true,
    ...options,
  });
  await client.start();
  return { client, socket };
}

function answerJoin(socket: FakeSocket, answer: SessionJoinAck) {
  socket.last("session:join").ack?.(null, answer);
}

describe("LiveClient", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("joins, then applies events strictly in order, waiting for a missing one", async () => {
    const { client, socket } = await started();
    expect(socket.last("session:join").data).toEqual({ sessionId: SESSION });
    answerJoin(socket, { ok: true, state: base(), seq: 3 });
    expect(client.getSnapshot().status).toBe("live");

    socket.fire("session:event", chat(5));
    expect(client.getSnapshot().seq).toBe(3);
    socket.fire("session:event", chat(4));
    expect(client.getSnapshot().seq).toBe(5);
    expect(client.getSnapshot().state?.chat.map((m) => m.text)).toEqual(["m4", "m5"]);

    // A duplicate (for example replayed after a rejoin) is applied once.
    socket.fire("session:event", chat(5));
    expect(client.getSnapshot().state?.chat).toHaveLength(2);
  });

  it("asks again with its last seq when a hole lasts", async () => {
    const { client, socket } = await started();
    answerJoin(socket, { ok: true, state: base(), seq: 1 });
    socket.fire("session:event", chat(3));
    const joins = () => socket.sent.filter((s) => s.event === "session:join").length;
    expect(joins()).toBe(1);
    vi.advanceTimersByTime(2100);
    expect(joins()).toBe(2);
    expect(socket.last("session:join").data).toEqual({ sessionId: SESSION, lastSeq: 1 });
    socket.fire("session:event", chat(2));
    expect(client.getSnapshot().seq).toBe(3);
  });

  it("keeps commands while disconnected and resends them after rejoining until acked", async () => {
    const { client, socket } = await started();
    answerJoin(socket, { ok: true, state: base(), seq: 0 });
    const first = client.send("chat.send", { text: "hello" });
    expect(socket.last("session:command").data).toEqual({ id: "c1", type: "chat.send", payload: { text: "hello" } });

    socket.drop();
    expect(client.getSnapshot().status).toBe("reconnecting");
    const second = client.send("hand.raise", {});
    expect(socket.sent.filter((s) => s.event === "session:command")).toHaveLength(1);
    expect(client.getSnapshot().pendingCount).toBe(2);

    socket.connect();
    expect(socket.last("session:join").data).toEqual({ sessionId: SESSION, lastSeq: 0 });
    answerJoin(socket, { ok: true, state: base(), seq: 0 });
    const resent = socket.sent.filter((s) => s.event === "session:command").slice(-2);
    expect(resent.map((s) => (s.data as { id: string }).id)).toEqual(["c1", "c2"]);

    const ok: CommandAck = { ok: true, seq: 1 };
    resent[0].ack?.(null, ok);
    resent[1].ack?.(null, { ok: false, error: { code: "conflict", message: "Your hand is already raised." } });
    await expect(first).resolves.toEqual(ok);
    await expect(second).resolves.toMatchObject({ ok: false });
    expect(client.getSnapshot().pendingCount).toBe(0);
  });

  it("resends a command whose answer never came", async () => {
    const { client, socket } = await started();
    answerJoin(socket, { ok: true, state: base(), seq: 0 });
    void client.send("chat.send", { text: "hello" });
    socket.last("session:command").ack?.(new Error("operation has timed out"), undefined);
    expect(socket.sent.filter((s) => s.event === "session:command")).toHaveLength(2);
  });

  it("renews a user's token when the server refuses it at connect", async () => {
    const refreshToken = vi.fn(() => Promise.resolve("fresh"));
    const { socket } = await started({ refreshToken });
    socket.fire("connect_error", new Error("unauthenticated: the token is not valid or has expired"));
    await vi.waitFor(() => expect(refreshToken).toHaveBeenCalled());
  });

  it("stops with a clear reason when the server will not let it in", async () => {
    const { client, socket } = await started();
    answerJoin(socket, { ok: false, error: { code: "forbidden", message: "You are no longer part of this session." } });
    expect(client.getSnapshot()).toMatchObject({ status: "failed", error: { code: "forbidden" } });
  });

  it("tracks presence from changes", async () => {
    const { client, socket } = await started();
    answerJoin(socket, { ok: true, state: base(), seq: 0 });
    socket.fire("presence:update", { sessionId: SESSION, present: [{ participantId: "a", active: true, lastSeenAt: 1 }, { participantId: "b", active: false, lastSeenAt: 1 }] });
    socket.fire("presence:update", { sessionId: SESSION, present: [], absent: ["a"] });
    expect(Object.keys(client.getSnapshot().presence)).toEqual(["b"]);
  });

  it("sends heartbeats while joined", async () => {
    const { socket } = await started();
    answerJoin(socket, { ok: true, state: base(), seq: 0 });
    vi.advanceTimersByTime(20_500);
    expect(socket.last("presence:heartbeat").data).toEqual({ sessionId: SESSION, active: true });
  });

  it("estimates how far the server's clock is ahead from live events", async () => {
    const { client, socket } = await started();
    answerJoin(socket, { ok: true, state: base(), seq: 0 });
    socket.fire("session:event", { ...chat(1), at: Date.now() + 30_000 });
    expect(client.getSnapshot().clockOffsetMs).toBeGreaterThanOrEqual(29_000);
    socket.fire("session:event", { ...chat(2), at: Date.now() - 5_000 });
    expect(client.getSnapshot().clockOffsetMs).toBeGreaterThanOrEqual(29_000);
  });
});
