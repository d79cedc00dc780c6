import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CARDS, defaultJourneys } from "../content/index";
import { startFakeOpenAI } from "../server/ai/providers/fake-servers";
import { startProcess } from "./http";
import { phasesOf } from "../server/coach/context";
import { initialState, planTurn, warmUpCoach, type CoachContext, type DialogueState } from "../server/coach/engine/index";
import { percentile, timeIt, type Reporter } from "./lib";

const LINES = [
  "I'm arriving tired, with a lot on my mind about work.",
  "My shoulders are tight and I keep thinking about starting over.",
  "I see a path through green hills, calm but far away.",
  "Maybe it's my career, winding and unclear.",
  "I'm ready to move on",
  "What matters most is feeling useful again.",
  "What should I do?",
  "I will call my old manager tomorrow",
  "I don't know",
  "8 out of 10",
];

/** Milliseconds until the first chunk of a streamed body that contains `marker`. */
async function timeToFirst(url: string, init: RequestInit, marker: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, init);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  let at = NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
    if (Number.isNaN(at) && seen.includes(marker)) at = performance.now() - started;
  }
  return at;
}

export default async function run(r: Reporter) {
  // 1. The builtin coach alone: one turn, after the prompt vectors are warm.
  await warmUpCoach();
  const card = DEFAULT_CARDS.find((c) => c.word === "Winding Path")!;
  const ctx: CoachContext = {
    language: "en",
    phases: phasesOf(defaultJourneys()[0].phases),
    cards: [{ id: card.id, word: card.word, description: card.description, prompts: card.prompts, language: "en" }],
    memories: [],
    knownNames: [],
  };
  let state: DialogueState = initialState();
  const builtin = await timeIt(300, async (i) => {
    if (i % LINES.length === 0) state = initialState();
    // Each text is new, so no turn is served from the embedding cache.
    state = (await planTurn(ctx, state, `${LINES[i % LINES.length]} (that was on day ${i} of ${LINES.length * 40})`)).state;
  });
  r.add({ section: "coach", name: "builtin reply p50", value: percentile(builtin, 50), unit: "ms" });
  r.add({ section: "coach", name: "builtin reply p95", value: percentile(builtin, 95), unit: "ms", target: "< 100 ms" });

  // 2. Time to the first streamed words: through the studio vs straight from the same fake model.
  const fake = await startFakeOpenAI({ chunks: ["'Far away' — ", "what does ", "far away ", "feel like ", "for you ", "right now?"] });
  const dataDir = mkdtempSync(join(tmpdir(), "pyou-bench-coach-"));
  // The studio runs as its own process, as in production, so its work never delays this client.
  const port = 3921;
  const base = `http://127.0.0.1:${port}`;
  const studioProcess = await startProcess(
    ["server/main.ts"],
    { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "", REDIS_URL: "", RATE_LIMITS: "off", AI_PROVIDER: "openai", AI_BASE_URL: fake.url, AI_MODEL: "fake" },
    `${base}/api/health`,
  );
  // Let the coach's background warm-up (embedding model, prompt vectors) finish first.
  await new Promise((r) => setTimeout(r, 15_000));
  try {
    const reg = await fetch(`${base}/api/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `bench-coach-${Date.now()}@example.test`, password: "bench password 123", name: "Bench" }) });
    const token = ((await reg.json()) as { accessToken: string }).accessToken;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const floor: number[] = [];
    const direct: number[] = [];
    const studio: number[] = [];
    const rounds = 60;
    for (let i = 0; i < rounds + 10; i++) {
      const conv = (await (await fetch(`${base}/api/coach/conversations`, { method: "POST", headers, body: JSON.stringify({ cardIds: [card.id] }) })).json()) as { id: string };
      const d = await timeToFirst(`${fake.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "fake", stream: true, messages: [{ role: "user", content: LINES[i % LINES.length] }] }) }, "data:");
      const s = await timeToFirst(`${base}/api/coach/conversations/${conv.id}/messages`, { method: "POST", headers: { ...headers, accept: "text/event-stream" }, body: JSON.stringify({ text: LINES[i % LINES.length] }) }, "event: delta");
      const g = performance.now();
      await (await fetch(`${base}/api/coach/conversations/${conv.id}`, { headers })).text();
      if (i >= 10) {
        floor.push(performance.now() - g);
        direct.push(d);
        studio.push(s);
      }
    }
    direct.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    studio.sort((a, b) => a - b);
    r.add({ section: "coach", name: "first streamed words, fake model direct p50", value: percentile(direct, 50), unit: "ms" });
    r.add({ section: "coach", name: "first streamed words, through the studio p50", value: percentile(studio, 50), unit: "ms" });
    r.add({ section: "coach", name: "first streamed words, through the studio p95", value: percentile(studio, 95), unit: "ms" });
    r.add({ section: "coach", name: "any signed-in read of a conversation p50 (the floor)", value: percentile(floor, 50), unit: "ms", note: "auth, one org lookup, two queries" });
    r.add({ section: "coach", name: "studio adds (p50 difference)", value: percentile(studio, 50) - percentile(direct, 50), unit: "ms", target: "< 30 ms" });
  } finally {
    studioProcess.kill("SIGTERM");
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
