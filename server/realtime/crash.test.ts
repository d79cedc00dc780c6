import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultJourneys } from "../../content";
import type { SessionState } from "../../domain/session";
import { LiveClient } from "../test/live-client";

const ROOT = new URL("../..", import.meta.url).pathname;

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn", SECRET_KEY: "crash-test-secret-key-long-enough-0123456789", DATABASE_URL: "", REDIS_URL: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return resolve(child);
      } catch {
        /* not yet listening */
      }
      if (child.exitCode !== null) return reject(new Error(`server exited: ${stderr}`));
      if (Date.now() - started > 90_000) return reject(new Error(`server did not start: ${stderr}`));
      setTimeout(poll, 250);
    };
    void poll();
  });
}

/** The process is killed with SIGKILL mid-session; every acknowledged event must survive. */
describe("a hard crash of the server", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "pyou-crash-"));
  const port = 3500 + Math.floor(Math.random() * 400);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const clients: LiveClient[] = [];
  afterAll(() => {
    for (const c of clients) c.close();
    server?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no acknowledged event and lets clients continue after a restart", async () => {
    server = await startServer(dataDir, port);
    const post = async (path: string, body: unknown, token?: string) =>
      (await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json();
    const reg = (await post("/api/auth/register", { email: "crash@example.test", password: "crash test password", name: "Fay" })) as { accessToken: string };
    const session = (await post("/api/sessions", { title: "Crash", journeyId: defaultJourneys()[0].id }, reg.accessToken)) as { id: string; joinCode: string };
    const guest = (await post("/api/sessions/join", { joinCode: session.joinCode, displayName: "Guest" })) as { token: string };

    const fac = new LiveClient(base, reg.accessToken);
    const p = new LiveClient(base, guest.token);
    clients.push(fac, p);
    await fac.join(session.id);
    await p.join(session.id);
    let lastAck = 0;
    for (let i = 0; i < 20; i++) {
      const ack = await p.command("chat.send", { text: `message ${i}` });
      if (!ack.ok) throw new Error(ack.error.message);
      lastAck = ack.seq;
    }
    const phase = await fac.command("phase.goto", { index: 2 });
    if (!phase.ok) throw new Error(phase.error.message);
    lastAck = phase.seq;
    await p.waitForSeq(lastAck);
    const seenByGuest = p.lastSeq();

    server.kill("SIGKILL");
    await new Promise((r) => server!.once("exit", r));
    server = await startServer(dataDir, port);

    // The guest reconnects with its last seq; the facilitator rejoins from scratch.
    const p2 = new LiveClient(base, guest.token);
    const fac2 = new LiveClient(base, reg.accessToken);
    clients.push(p2, fac2);
    const ack = (await fac2.join(session.id)) as { ok: true; state: SessionState; seq: number };
    expect(ack.seq).toBe(lastAck);
    expect(ack.state.phase.index).toBe(2);
    expect(ack.state.chat.map((m) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `message ${i}`));
    expect((await p2.join(session.id, seenByGuest)).ok).toBe(true);
    const next = await p2.command("chat.send", { text: "still here" });
    expect(next.ok && next.seq).toBe(lastAck + 1);
  }, 240_000);
});
