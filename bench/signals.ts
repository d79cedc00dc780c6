import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { VoiceAggregator } from "../domain/signals";
import { getEmbedder, loadEmbedder } from "../server/ai/embeddings";
import { analyzeBatch, analyzeTextFast, warmUpTextAnalysis } from "../server/analysis/index";
import { voiceStream } from "../server/signals/synthetic";
import type { Reporter } from "./lib";

const S = "signals";
const TEXTS = [
  "I feel calm and grateful after this round.",
  "Honestly I'm frustrated, nobody listens to me at work.",
  "The photo of the bridge reminds me of my father.",
  "I'm scared to start over but also excited.",
  "Nothing special, it's fine I guess.",
  "This card makes me hopeful about the next year.",
  "I am so tired of pretending everything is okay.",
  "We laughed a lot, it was a good day.",
];
/** Numbered texts; a different `run` gives different texts, so no measurement reuses another's cached embeddings. */
const texts = (n: number, run = "") => Array.from({ length: n }, (_, i) => `${TEXTS[i % TEXTS.length]} (${run}${i})`);

/** Seconds of this process's CPU time (all its threads) since `from`. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

async function textThroughput(r: Reporter) {
  // Distinct texts (numbered), so nothing is answered from a cache; one pass warms the code up.
  const fast = texts(20_000);
  for (const t of fast.slice(0, 2000)) analyzeTextFast(t);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const t of fast) analyzeTextFast(t);
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(cpu0);
  r.add({ section: S, name: "text analysis, fast path (lexicon + vader), wall clock", value: Math.round(fast.length / wall), unit: "texts/s" });
  // The per-core figure: texts per second of CPU time, which other work on the machine does not dilute.
  r.add({ section: S, name: "text analysis, fast path, per CPU second (one core)", value: Math.round(fast.length / cpu), unit: "texts/s", target: "≥ 5,000 per core" });
  await warmUpTextAnalysis();
  const runtime = (await getEmbedder()).runtime;
  for (const size of [1, 16, 64]) {
    const all = texts(size === 1 ? 100 : 640, `batch ${size}, `);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < all.length; i += size) await analyzeBatch(all.slice(i, i + size));
    const perCpu = Math.round(all.length / cpuSeconds(cpuStart));
    r.add({
      section: S,
      name: `text analysis, classifier in batches of ${size}`,
      value: Math.round(all.length / ((performance.now() - started) / 1000)),
      unit: "texts/s",
      target: size === 64 ? "≥ 100 per core" : undefined,
      note: `${perCpu} per CPU second; embeddings on ${runtime}`,
    });
  }
  // The sentence-embedding model dominates the classifier's cost; the same model on each runtime.
  for (const name of ["onnxruntime", "tfjs-wasm"] as const) {
    const embedder = await loadEmbedder(name);
    await embedder.embed(texts(64, `warm ${name}, `));
    const all = texts(640, `embed ${name}, `);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < all.length; i += 64) await embedder.embed(all.slice(i, i + 64));
    r.add({
      section: S,
      name: `sentence embeddings alone on ${name}, batches of 64`,
      value: Math.round(all.length / ((performance.now() - started) / 1000)),
      unit: "texts/s",
      note: `${Math.round(all.length / cpuSeconds(cpuStart))} per CPU second`,
    });
  }
}

function voiceCost(r: Reporter) {
  const frames = voiceStream({ ms: 60_000, speechFrom: 5_000, speechTo: 45_000, syllablesPerSecond: 4, pitchSwing: 3 });
  const agg = new VoiceAggregator();
  const started = performance.now();
  for (let rep = 0; rep < 20; rep++) {
    for (const f of frames) agg.push(f);
    agg.take(60_000);
  }
  const perMinute = (performance.now() - started) / 20;
  r.add({ section: S, name: "voice windows from features, per minute of audio", value: perMinute, unit: "ms", note: "pitch and meyda features not included" });
}

/** Seconds of CPU time used so far by every process started from this one (the browser's processes). */
function childCpuSeconds(): number {
  const tick = 100; // USER_HZ on Linux
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / tick);
    } catch {
      // The process ended while the list was read.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, seconds] of cpu) if (isDescendant(pid)) total += seconds;
  return total;
}

/**
 * The face pipeline as the browser runs it, with Chromium's fake camera. CPU is read for the
 * whole browser (renderer, GPU process with its software WebGL, camera) from /proc, first with
 * the camera alone and then while the pipeline runs, so the difference is the pipeline's share.
 */
async function facePipeline(r: Reporter, backend: "wasm" | "webgl" | "cpu") {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const models = join(root, "node_modules/@vladmandic/human/models");
  const wasmDir = join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    process.stdout.write(`  (face pipeline skipped: no Chromium at ${chromiumPath})\n`);
    return;
  }
  const bundle = await build({
    stdin: {
      contents: `import { FaceSampler } from "./web/src/features/signals/face";
        let s;
        let camera;
        window.cameraOnly = async (on) => {
          if (!on) { for (const t of camera.getTracks()) t.stop(); return; }
          camera = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 5, max: 10 } }, audio: false });
          const v = document.createElement("video"); v.muted = true; v.srcObject = camera; await v.play();
        };
        window.startFace = async (backend) => { s = new FaceSampler({ backend }); await s.start(); };
        window.takeFace = () => s.take();
        window.stopFace = () => s.stop();`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    write: false,
    platform: "browser",
    logLevel: "silent",
  });
  const js = bundle.outputFiles[0].text;
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><script type="module" src="/bench.js"></script>`);
    if (url === "/bench.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    const m = /^\/vendor\/human\/models\/([\w-]+\.(json|bin))$/.exec(url);
    if (m && existsSync(join(models, m[1]))) return void createReadStream(join(models, m[1])).pipe(res.writeHead(200));
    const w = /^\/vendor\/tfjs-wasm\/(tfjs-backend-wasm[\w-]*\.wasm)$/.exec(url);
    if (w && existsSync(join(wasmDir, w[1]))) return void createReadStream(join(wasmDir, w[1])).pipe(res.writeHead(200, { "content-type": "application/wasm" }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"] });
  process.stdout.write(`  (face pipeline, ${backend} backend: 10 s camera alone, warm-up and 10 s settling, then 60 s measured; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")})\n`);
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => "startFace" in window);

    await page.evaluate("window.cameraOnly(true)");
    await page.waitForTimeout(1000);
    let cpu0 = childCpuSeconds();
    let t0 = Date.now();
    await page.waitForTimeout(10_000);
    const cameraShare = (childCpuSeconds() - cpu0) / ((Date.now() - t0) / 1000);
    await page.evaluate("window.cameraOnly(false)");

    // Model loading, the warm-up frame and the first back-off are left out: the figures are for the steady state.
    await page.evaluate(`window.startFace("${backend}")`);
    await page.waitForTimeout(10_000);
    await page.evaluate("window.takeFace()");
    const before = await cdp.send("Performance.getMetrics");
    cpu0 = childCpuSeconds();
    t0 = Date.now();
    // A minute, so that a slow device's few frames are not dominated by where the window cuts them.
    await page.waitForTimeout(60_000);
    const out = (await page.evaluate("window.takeFace()")) as { face?: { presence: number; fps: number }; load: { fps: number; busyShare: number; frameMs: number; intervalMs: number; backend: string } };
    const seconds = (Date.now() - t0) / 1000;
    const browserShare = (childCpuSeconds() - cpu0) / seconds;
    const after = await cdp.send("Performance.getMetrics");
    await page.evaluate("window.stopFace()");
    const task = (m: typeof before) => m.metrics.find((x) => x.name === "TaskDuration")?.value ?? 0;
    const mainThread = (task(after) - task(before)) / seconds;
    const name = out.load.backend === backend ? backend : `${backend} → ${out.load.backend}`;
    r.add({ section: S, name: `face pipeline frames per second (${name})`, value: out.load.fps, unit: "fps", target: "≤ 2, backing off", note: out.face ? `face found in ${Math.round(out.face.presence * 100)}% of frames` : "no frame in the last window" });
    r.add({ section: S, name: `face pipeline time per frame (${name})`, value: out.load.frameMs, unit: "ms", note: `next frame after ${out.load.intervalMs} ms` });
    r.add({ section: S, name: `face pipeline share of wall time analysing (${name})`, value: Math.round(out.load.busyShare * 100), unit: "%", target: "≤ 20" });
    r.add({ section: S, name: `face pipeline CPU share, whole browser minus camera (${name})`, value: Math.round((browserShare - cameraShare) * 100), unit: "% core", note: `browser ${Math.round(browserShare * 100)}%, camera alone ${Math.round(cameraShare * 100)}%` });
    r.add({ section: S, name: `renderer main thread busy while analysing (${name})`, value: Math.round(mainThread * 100), unit: "%" });
  } finally {
    await browser.close();
    server.close();
  }
}

export default async function signals(r: Reporter) {
  if (process.env.BENCH_SIGNALS === "text") {
    await textThroughput(r);
    return;
  }
  if (process.env.BENCH_SIGNALS === "face") {
    await facePipeline(r, "wasm");
    return;
  }
  process.stdout.write(`  (load average at start: ${loadavg().map((l) => l.toFixed(1)).join(" ")}; other work shares this machine)\n`);
  await textThroughput(r);
  voiceCost(r);
  // Headless Chromium has no GPU: WebGL runs in software, so WebAssembly (the app's first choice)
  // and the CPU backend are measured beside it.
  for (const backend of ["wasm", "webgl", "cpu"] as const) await facePipeline(r, backend);
}
