// Recommendation latency with 10,000 cards (bench/search.ts's generated library on PGlite with
// pgvector) and 100,000 feedback events spread over 20 organisations: training time per
// organisation, then p50/p95 of a full card suggestion (candidates, ranking, logging the list).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../server/app";
import { loadConfig } from "../server/config";
import type { Actor } from "../server/policies";
import { recsFor } from "../server/recs/runtime";
import { recsService } from "../server/recs/service";
import { loadLabelledQueries } from "../server/search/eval/metrics";
import { percentile, timeIt, type Reporter } from "./lib";
import { buildBenchDatabase } from "./search";

const FEEDBACK_EVENTS = 100_000;
const PEOPLE_PER_ORG = 150;
const SESSIONS_PER_ORG = 60;
const RUNS = 200;
const SIGNALS = ["chosen", "chosen", "chosen", "kept", "kept", "resonant", "swapped", "swapped", "not-resonant", "helpful"];

export default async function recsBench(r: Reporter): Promise<void> {
  const { database, orgIds, rand } = await buildBenchDatabase();
  const visible = new Map<string, string[]>();
  for (const orgId of orgIds) {
    const rows = await database.query<{ id: string }>("SELECT id FROM cards WHERE org_id IS NULL OR org_id = $1", [orgId]);
    visible.set(orgId, rows.map((x) => x.id));
  }
  const topics = loadLabelledQueries().map((q) => q.q);

  // Feedback with structure: each person leans to a slice of the cards (Zipf-like), so there is
  // something to learn, and it is spread over the last 60 days.
  const t0 = performance.now();
  const BATCH = 10_000;
  for (let start = 0; start < FEEDBACK_EVENTS; start += BATCH) {
    const cols: string[][] = [[], [], [], [], [], [], []];
    for (let i = 0; i < BATCH; i++) {
      const orgId = orgIds[Math.floor(rand() * orgIds.length)];
      const cards = visible.get(orgId)!;
      const person = Math.floor(rand() * PEOPLE_PER_ORG);
      const lean = (person * 37) % cards.length;
      const offset = Math.floor(cards.length * Math.pow(rand(), 3) * 0.2);
      cols[0].push(orgId);
      cols[1].push(`00000000-0000-4000-8000-${String(person).padStart(12, "0")}`);
      cols[2].push(`00000000-0000-4000-9000-${String(Math.floor(rand() * SESSIONS_PER_ORG)).padStart(12, "0")}`);
      cols[3].push(cards[(lean + offset) % cards.length]);
      cols[4].push(SIGNALS[Math.floor(rand() * SIGNALS.length)]);
      cols[5].push(JSON.stringify({ topic: topics[person % topics.length] }));
      cols[6].push(new Date(Date.now() - rand() * 60 * 86_400_000).toISOString());
    }
    await database.query(
      `INSERT INTO feedback_events (org_id, participant_id, session_id, target_type, target_id, signal, context, created_at)
       SELECT o, p, s, 'card', c, g, x::jsonb, t FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) AS u(o, p, s, c, g, x, t)`,
      cols,
    );
  }
  r.add({ section: "recs", name: `insert ${FEEDBACK_EVENTS} feedback events`, value: (performance.now() - t0) / 1000, unit: "s" });

  const dataDir = mkdtempSync(join(tmpdir(), "pyou-bench-recs-"));
  const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir, SECRET_KEY: "bench-secret-key-that-is-long-enough-0123456789", LOG_LEVEL: "silent", WEB_DIST: join(dataDir, "none") });
  const built = await buildApp({ config, database, logger: false });
  const recs = recsFor(built.ctx);
  const service = recsService(built.ctx, recs);

  const actors: Actor[] = [];
  for (const orgId of orgIds) {
    const [u] = await database.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Bench', 'x') RETURNING id", [`bench-${randomUUID()}@example.test`]);
    await database.query("INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'member')", [orgId, u.id]);
    actors.push({ kind: "user", userId: u.id, orgId, role: "member" });
  }

  const trainTimes: number[] = [];
  for (const orgId of orgIds) {
    const t = performance.now();
    const row = await recs.trainer.train(`org:${orgId}`, "manual");
    trainTimes.push(performance.now() - t);
    if (orgId === orgIds[0]) r.add({ section: "recs", name: `model for one org: events / hit rate@10 / popularity's`, value: row.eventCount, unit: "events", note: `hit@10 ${row.metrics.hitRate10}, popularity ${row.metrics.popularityHitRate10}` });
  }
  trainTimes.sort((a, b) => a - b);
  r.add({ section: "recs", name: `train one organisation (~${Math.round(FEEDBACK_EVENTS / orgIds.length)} events): median`, value: percentile(trainTimes, 50), unit: "ms" });
  // First request per org loads its model (and embeds its topics); measured separately.
  const t1 = performance.now();
  for (const a of actors) await service.recommendCards(a, { topic: topics[0], limit: 10 });
  r.add({ section: "recs", name: "first suggestion per org (loads the model): mean", value: (performance.now() - t1) / actors.length, unit: "ms" });

  const actor = (i: number) => actors[i % actors.length];
  const repeated = await timeIt(RUNS, (i) => service.recommendCards(actor(i), { topic: topics[i % topics.length], limit: 10 }));
  r.add({ section: "recs", name: "suggest 10 cards, known topic: p50", value: percentile(repeated, 50), unit: "ms" });
  r.add({ section: "recs", name: "suggest 10 cards, known topic: p95", value: percentile(repeated, 95), unit: "ms", target: "< 50 ms" });
  const noTopic = await timeIt(RUNS, (i) => service.recommendCards(actor(i), { limit: 10 }));
  r.add({ section: "recs", name: "suggest 10 cards, no words (history and exploration): p50", value: percentile(noTopic, 50), unit: "ms" });
  r.add({ section: "recs", name: "suggest 10 cards, no words: p95", value: percentile(noTopic, 95), unit: "ms", target: "< 50 ms" });
  let n = 0;
  const fresh = await timeIt(100, (i) => service.recommendCards(actor(i), { topic: `${topics[i % topics.length]} and ${topics[(i * 7 + ++n) % topics.length]} ${n}`, limit: 10 }), 5);
  r.add({ section: "recs", name: "suggest 10 cards, new topic (embedding computed): p50", value: percentile(fresh, 50), unit: "ms" });
  r.add({ section: "recs", name: "suggest 10 cards, new topic: p95", value: percentile(fresh, 95), unit: "ms" });

  await built.app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
