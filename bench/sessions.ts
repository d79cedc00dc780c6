import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io } from "socket.io-client";
import { defaultJourneys, PHOTO_DECK_ID } from "../content";
import { startProcess } from "./http";
import { percentile, type Reporter } from "./lib";

const ROOT = new URL("..", import.meta.url).pathname;
const now = () => performance.timeOrigin + performance.now();

function child(script: string, args: string[] = []): Promise<ChildProcess & { next: (op: string) => Promise<Record<string, unknown>> }> {
  const c = fork(join(ROOT, script), args, { execArgv: ["--import", "tsx"], cwd: ROOT, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  process.once("exit", () => c.kill("SIGKILL"));
  const queue: Record<string, unknown>[] = [];
  const waiters: { op: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  c.on("message", (m: Record<string, unknown>) => {
    const i = waiters.findIndex((w) => w.op === m.op);
    if (i >= 0) waiters.splice(i, 1)[0].resolve(m);
    else queue.push(m);
  });
  const next = (op: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const i = queue.findIndex((m) => m.op === op);
      if (i >= 0) resolve(queue.splice(i, 1)[0]);
      else waiters.push({ op, resolve });
    });
  return next("ready").then(() => Object.assign(c, { next }));
}

async function api(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, string>>;
}

/** Heap in use after a full collection in the server (see bench/gc-on-signal.ts). */
async function memoryOf(base: string, server: ChildProcess): Promise<number> {
  server.kill("SIGUSR2");
  await new Promise((res) => setTimeout(res, 500));
  const text = await (await fetch(`${base}/metrics`)).text();
  const m = /^nodejs_heap_size_used_bytes (\d+(\.\d+)?(e\+\d+)?)/m.exec(text);
  return m ? Number(m[1]) : NaN;
}

export default async function run(r: Reporter) {
  const dataDir = mkdtempSync(join(tmpdir(), "pyou-bench-live-"));
  const port = 3921;
  const base = `http://127.0.0.1:${port}`;
  const studio = await startProcess(["--expose-gc", "--import", "./bench/gc-on-signal.ts", "server/main.ts"], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", RATE_LIMITS: "off", DATABASE_URL: "", REDIS_URL: "" }, `${base}/api/health`);
  const clients = await child("bench/socket-clients.ts");
  try {
    const owner = await api(base, "/api/auth/register", { email: `live-${Date.now()}@example.test`, password: "bench password 123", name: "Bench" });
    const journeyId = defaultJourneys()[1].id;
    const session = await api(base, "/api/sessions", { title: "Five hundred", journeyId }, owner.accessToken);

    // --- one session, 500 participants -------------------------------------------------
    const N = 500;
    const tokens: { token: string; sessionId: string }[] = [];
    const joinStart = Date.now();
    for (let i = 0; i < N; i++) tokens.push({ token: (await api(base, "/api/sessions/join", { joinCode: session.joinCode, displayName: `P${i}` })).token, sessionId: session.id });
    r.add({ section: "live", name: "500 joins by code, one after another", value: (N * 1000) / (Date.now() - joinStart), unit: "joins/s" });
    const heapBefore = await memoryOf(base, studio);
    clients.send({ op: "connect", url: base, namespace: "/live", tokens, join: true });
    await clients.next("connected");
    await new Promise((res) => setTimeout(res, 2000));
    const heapAfter = await memoryOf(base, studio);
    r.add({ section: "live", name: "server heap per connected participant", value: (heapAfter - heapBefore) / N / 1024, unit: "KB", target: "< 100 KB" });

    const fac = io(`${base}/live`, { auth: { token: owner.accessToken }, transports: ["websocket"], forceNew: true });
    await new Promise<void>((res) => fac.once("connect", () => res()));
    await fac.emitWithAck("session:join", { sessionId: session.id });
    const sent = new Map<number, number>();
    const rounds = 10;
    for (let i = 0; i < rounds; i++) {
      for (const [type, payload] of [
        ["cards.deal", { deckId: PHOTO_DECK_ID, mode: "face-up", count: 5, to: "table" }],
        ["phase.next", {}],
        ["cards.collect", {}],
        ["phase.previous", {}],
      ] as const) {
        const t0 = now();
        const ack = await fac.emitWithAck("session:command", { id: `${i}-${type}`, type, payload });
        if (!ack.ok) throw new Error(`${type}: ${ack.error.message}`);
        sent.set(ack.seq, t0);
        await new Promise((res) => setTimeout(res, 400));
      }
    }
    fac.close();
    clients.send({ op: "close" });
    const { arrivals } = (await clients.next("arrivals")) as unknown as { arrivals: [string, number[]][] };
    const lastDelivery: number[] = [];
    const everyDelivery: number[] = [];
    for (const [key, times] of arrivals) {
      const seq = Number(key.split(":")[1]);
      const t0 = sent.get(seq);
      if (t0 === undefined) continue;
      if (times.length < N) throw new Error(`seq ${seq} reached ${times.length} of ${N} participants`);
      for (const t of times) everyDelivery.push(t - t0);
      lastDelivery.push(Math.max(...times) - t0);
    }
    everyDelivery.sort((a, b) => a - b);
    lastDelivery.sort((a, b) => a - b);
    r.add({ section: "live", name: `500 participants: command → delivery p50 (${sent.size} deals and phase changes)`, value: percentile(everyDelivery, 50), unit: "ms" });
    r.add({ section: "live", name: "500 participants: command → delivery p99", value: percentile(everyDelivery, 99), unit: "ms", target: "p99 < 250 ms" });
    r.add({ section: "live", name: "500 participants: command → last delivery p50", value: percentile(lastDelivery, 50), unit: "ms" });
    r.add({ section: "live", name: "500 participants: command → last delivery p99", value: percentile(lastDelivery, 99), unit: "ms" });
    clients.kill();

    // --- bare Socket.IO broadcast to the same number of clients ---------------------------
    const bare = await child("bench/bare-socket-server.ts", ["3922"]);
    const bareClients = await child("bench/socket-clients.ts");
    bareClients.send({ op: "connect", url: "http://127.0.0.1:3922", namespace: "/bare", tokens: tokens.map(() => ({ token: "x", sessionId: "bare" })), join: false });
    await bareClients.next("connected");
    const bareSent = new Map<number, number>();
    for (let n = 1; n <= 40; n++) {
      bareSent.set(n, now());
      bare.send({ op: "broadcast", n });
      await new Promise((res) => setTimeout(res, 100));
    }
    bareClients.send({ op: "close" });
    const bareArrivals = ((await bareClients.next("arrivals")) as unknown as { arrivals: [number, number[]][] }).arrivals;
    const bareAll: number[] = [];
    const bareLast: number[] = [];
    for (const [n, times] of bareArrivals) {
      const t0 = bareSent.get(Number(n))!;
      for (const t of times) bareAll.push(t - t0);
      bareLast.push(Math.max(...times) - t0);
    }
    bareAll.sort((a, b) => a - b);
    bareLast.sort((a, b) => a - b);
    r.add({ section: "live", name: "bare Socket.IO broadcast to 500: delivery p50 (ceiling)", value: percentile(bareAll, 50), unit: "ms" });
    r.add({ section: "live", name: "bare Socket.IO broadcast to 500: delivery p99 (ceiling)", value: percentile(bareAll, 99), unit: "ms" });
    r.add({ section: "live", name: "bare Socket.IO broadcast to 500: last delivery p99", value: percentile(bareLast, 99), unit: "ms" });
    bare.kill();
    bareClients.kill();

    // --- 50 sessions of 20 participants, all chatting ------------------------------------
    const many: { token: string; sessionId: string }[] = [];
    for (let s = 0; s < 50; s++) {
      const sess = await api(base, "/api/sessions", { title: `Group ${s}`, journeyId }, owner.accessToken);
      for (let i = 0; i < 20; i++) many.push({ token: (await api(base, "/api/sessions/join", { joinCode: sess.joinCode, displayName: `G${s}-${i}` })).token, sessionId: sess.id });
    }
    const chatters = await child("bench/socket-clients.ts");
    chatters.send({ op: "connect", url: base, namespace: "/live", tokens: many, join: true });
    await chatters.next("connected");
    const seconds = 15;
    chatters.send({ op: "chatter", seconds, perClientIntervalMs: 1000 });
    const done = (await chatters.next("chatter-done")) as { acked: number; failed: number; reasons: Record<string, number> };
    r.add({ section: "live", name: "50 sessions × 20 participants: commands acked per second", value: done.acked / seconds, unit: "cmd/s", note: done.failed ? `${done.failed} failed: ${Object.entries(done.reasons).map(([k, v]) => `${v} × ${k}`).join(", ")}` : "each person sends one chat line a second" });
    chatters.send({ op: "close" });
    await chatters.next("arrivals");
    chatters.kill();
  } finally {
    studio.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}
