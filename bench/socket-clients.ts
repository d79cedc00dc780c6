// A separate process holding many Socket.IO clients, so the server under test has the CPU it
// would have in production. Driven over IPC by bench/sessions.ts.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";

type Msg =
  | { op: "connect"; url: string; path?: string; namespace: string; tokens: { token: string; sessionId: string }[]; join: boolean }
  | { op: "chatter"; seconds: number; perClientIntervalMs: number }
  | { op: "close" };

const sockets: { s: Socket; sessionId: string }[] = [];
const arrivals = new Map<number | string, number[]>();
// Throughput runs produce far more events than anyone needs timed; they are not recorded.
let recording = true;
const now = () => performance.timeOrigin + performance.now();

process.on("message", async (m: Msg) => {
  if (m.op === "connect") {
    await Promise.all(
      m.tokens.map(
        ({ token, sessionId }) =>
          new Promise<void>((resolve, reject) => {
            const s = io(`${m.url}${m.namespace}`, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true, path: m.path });
            s.on("session:event", (e: { seq: number; type: string }) => {
              if (!recording) return;
              const key = `${sessionId}:${e.seq}`;
              (arrivals.get(key) ?? arrivals.set(key, []).get(key)!).push(now());
            });
            s.on("bare", (n: number) => (arrivals.get(n) ?? arrivals.set(n, []).get(n)!).push(now()));
            s.once("connect_error", reject);
            s.once("connect", async () => {
              if (m.join) {
                const ack = await s.timeout(60_000).emitWithAck("session:join", { sessionId });
                if (!ack.ok) return reject(new Error(ack.error.message));
              }
              sockets.push({ s, sessionId });
              resolve();
            });
          }),
      ),
    );
    process.send!({ op: "connected", count: sockets.length });
  } else if (m.op === "chatter") {
    recording = false;
    arrivals.clear();
    let acked = 0;
    let failed = 0;
    const reasons: Record<string, number> = {};
    const end = Date.now() + m.seconds * 1000;
    await Promise.all(
      sockets.map(async ({ s }, i) => {
        await new Promise((r) => setTimeout(r, (i * 37) % m.perClientIntervalMs));
        while (Date.now() < end) {
          const ack = await s.timeout(30_000).emitWithAck("session:command", { id: randomUUID(), type: "chat.send", payload: { text: "hello" } }).catch(() => ({ ok: false, error: { code: "no ack in 30 s" } }));
          if (ack.ok) acked++;
          else {
            failed++;
            const code = (ack as { error?: { code?: string } }).error?.code ?? "unknown";
            reasons[code] = (reasons[code] ?? 0) + 1;
          }
          await new Promise((r) => setTimeout(r, m.perClientIntervalMs));
        }
      }),
    );
    process.send!({ op: "chatter-done", acked, failed, reasons });
  } else if (m.op === "close") {
    process.send!({ op: "arrivals", arrivals: [...arrivals.entries()] });
    for (const { s } of sockets) s.close();
    setTimeout(() => process.exit(0), 100);
  }
});
process.send!({ op: "ready" });
