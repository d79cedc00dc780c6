import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { Reporter } from "./lib";

const ROOT = new URL("..", import.meta.url).pathname;

export function startProcess(args: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  process.once("exit", () => child.kill("SIGKILL"));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      try {
        const res = await fetch(readyUrl);
        if (res.ok) return resolve(child);
      } catch {
        /* not listening yet */
      }
      if (Date.now() - started > 60_000) return reject(new Error(`${args.join(" ")} did not become ready`));
      setTimeout(poll, 200);
    };
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
    child.once("error", reject);
    void poll();
  });
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function measure(r: Reporter, label: string, opts: autocannon.Options) {
  const res = await cannon({ connections: 50, duration: 10, ...opts });
  const non2xx = res.non2xx + res.errors;
  r.add({ section: "http", name: `${label} requests/s`, value: Math.round(res.requests.average), unit: "req/s", note: non2xx ? `${non2xx} non-2xx/errors` : undefined });
  r.add({ section: "http", name: `${label} latency p50`, value: res.latency.p50, unit: "ms" });
  r.add({ section: "http", name: `${label} latency p99`, value: res.latency.p99, unit: "ms" });
  return res;
}

export default async function run(r: Reporter) {
  const dataDir = mkdtempSync(join(tmpdir(), "pyou-bench-http-"));
  const port = 3911;
  const base = `http://127.0.0.1:${port}`;
  const bare = await startProcess(["bench/bare-server.ts", "3912"], {}, "http://127.0.0.1:3912/bare");
  const studio = await startProcess(["server/main.ts"], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "", REDIS_URL: "" }, `${base}/api/health`);
  try {
    // One person per connection, as in real use; each stays far below the per-caller limit.
    const tokens: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${base}/api/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `bench-${i}-${Date.now()}@example.test`, password: "bench password 123", name: `Bench ${i}` }),
      });
      tokens.push(((await res.json()) as { accessToken: string }).accessToken);
    }
    const bareRes = await measure(r, "bare Fastify GET /bare (ceiling)", { url: "http://127.0.0.1:3912/bare" });
    await measure(r, "GET /api/health", { url: `${base}/api/health` });
    let next = 0;
    const me = await measure(r, "GET /api/me (authenticated, PGlite)", {
      url: `${base}/api/me`,
      setupClient: (client) => {
        client.setHeaders({ authorization: `Bearer ${tokens[next++ % tokens.length]}` });
      },
    });
    r.add({ section: "http", name: "GET /api/me as share of the bare ceiling", value: (100 * me.requests.average) / bareRes.requests.average, unit: "%", target: "≥2,000 req/s, p99 < 25 ms" });
  } finally {
    studio.kill("SIGTERM");
    bare.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}
