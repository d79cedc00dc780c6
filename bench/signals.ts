import { createReadStream, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { VoiceAggregator } from "../domain/signals";
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
const texts = (n: number) => Array.from({ length: n }, (_, i) => `${TEXTS[i % TEXTS.length]} (${i})`);

async function textThroughput(r: Reporter) {
  const fast = texts(5000);
  const t0 = performance.now();
  for (const t of fast) analyzeTextFast(t);
  r.add({ section: S, name: "text analysis, fast path (lexicon + vader)", value: Math.round(fast.length / ((performance.now() - t0) / 1000)), unit: "texts/s" });
  await warmUpTextAnalysis();
  for (const size of [1, 16, 64]) {
    const all = texts(size === 1 ? 100 : 640);
    const started = performance.now();
    for (let i = 0; i < all.length; i += size) await analyzeBatch(all.slice(i, i + size));
    r.add({ section: S, name: `text analysis, classifier in batches of ${size}`, value: Math.round(all.length / ((performance.now() - started) / 1000)), unit: "texts/s" });
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

/** The face pipeline as the browser runs it, with Chromium's fake camera, its CPU time read from the renderer. */
async function facePipeline(r: Reporter, backend: "webgl" | "cpu") {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const models = join(root, "node_modules/@vladmandic/human/models");
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    process.stdout.write(`  (face pipeline skipped: no Chromium at ${chromiumPath})\n`);
    return;
  }
  const bundle = await build({
    stdin: {
      contents: `import { FaceSampler } from "./web/src/features/signals/face";
        let s;
        window.startFace = async (backend) => { s = new FaceSampler({ backend }); await s.start(); await new Promise((r) => setTimeout(r, 10000)); s.take(); };
        window.takeFace = () => { const out = s.take(); s.stop(); return out; };`,
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
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"] });
  process.stdout.write(`  (face pipeline, ${backend} backend: 10 s warm-up, then 30 s measured)\n`);
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => "startFace" in window);
    // Model loading and the first frames are left out: the figures are for the steady state.
    await page.evaluate(`window.startFace("${backend}")`);
    const before = await cdp.send("Performance.getMetrics");
    const started = Date.now();
    await page.waitForTimeout(30_000);
    const out = (await page.evaluate("window.takeFace()")) as { face: { presence: number; fps: number }; load: { fps: number; busyShare: number; frameMs: number; backend: string } };
    const after = await cdp.send("Performance.getMetrics");
    const task = (m: typeof before) => m.metrics.find((x) => x.name === "TaskDuration")?.value ?? 0;
    const cpuShare = (task(after) - task(before)) / ((Date.now() - started) / 1000);
    r.add({ section: S, name: `face pipeline frames per second (${out.load.backend} backend)`, value: out.load.fps, unit: "fps", target: "≤ 2" });
    r.add({ section: S, name: `face pipeline time per frame (${backend})`, value: out.load.frameMs, unit: "ms" });
    r.add({ section: S, name: `face pipeline share of wall time analysing (${backend})`, value: Math.round(out.load.busyShare * 100), unit: "%", target: "≤ ~20 after back-off" });
    r.add({ section: S, name: `renderer main-thread CPU share while analysing (${backend})`, value: Math.round(cpuShare * 100), unit: "%" });
  } finally {
    await browser.close();
    server.close();
  }
}

export default async function signals(r: Reporter) {
  await textThroughput(r);
  voiceCost(r);
  // Headless Chromium has no GPU: WebGL runs in software, so the CPU backend is measured beside it.
  for (const backend of ["webgl", "cpu"] as const) await facePipeline(r, backend);
}
