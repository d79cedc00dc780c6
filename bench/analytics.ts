// Dashboard latency over 1,000 ended sessions and 1,000,000 logged events, on PGlite and (when
// reachable) PostgreSQL. Events are generated in SQL with generate_series; each session's facts
// are then written by the real materialiser, as when a session ends, and the database's trigger
// recounts that day's rollups (analytics_rollup_day) when they commit, exactly as in production.
// Target: p95 < 150 ms.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { analyticsMaterialiser } from "../server/analytics/materialise";
import { analyticsService } from "../server/analytics/service";
import type { AppContext } from "../server/context";
import { migrateDatabase, openPglite, openPool, wrapPglite, wrapPool, type Database } from "../server/db/client";
import { percentile, timeIt, type Reporter } from "./lib";

const SESSIONS = 1_000;
// Smaller logs (ANALYTICS_BENCH_EVENTS) make a quick run; figures are recorded at the default.
const EVENTS_PER_SESSION = Number(process.env.ANALYTICS_BENCH_EVENTS ?? 1_000);
const PEOPLE_PER_SESSION = 8;
const FACILITATORS = 20;
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const SHARED = ["I feel hopeful about the new path", "Work has been heavy and tiring", "My family gives me calm", "I am curious what comes next", "Grateful for this group", "Anxious about the deadline"];

/** Sessions over the last 180 days, eight seats each (half of them accounts that come back), and their logs. */
export async function generate(db: Database) {
  const orgId = randomUUID();
  await db.query(`INSERT INTO orgs (id, name) VALUES ($1, 'Bench org')`, [orgId]);
  await db.query(
    `INSERT INTO users (id, email, name, password_hash) SELECT gen_random_uuid(), 'bench' || i || '@example.test', 'Person ' || i, 'x' FROM generate_series(1, 200) i`,
  );
  await db.query(`INSERT INTO memberships (org_id, user_id, role) SELECT $1, id, 'facilitator' FROM users WHERE email LIKE 'bench%'`, [orgId]);
  const users = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email LIKE 'bench%' ORDER BY email`)).map((u) => u.id);
  const facilitators = users.slice(0, FACILITATORS);
  const words = (await db.query<{ id: string }>(`SELECT id FROM cards ORDER BY id LIMIT 40`)).map((c) => c.id);
  if (words.length === 0) throw new Error("no cards seeded");
  await db.query(
    `INSERT INTO sessions (id, org_id, title, join_code, status, created_by, created_at, ended_at, snapshot)
     SELECT gen_random_uuid(), $1, 'Circle ' || i, 'B' || lpad(i::text, 5, '0'), 'ended', ($2::uuid[])[1 + i % ${FACILITATORS}],
            now() - (i % 180) * interval '1 day', now() - (i % 180) * interval '1 day' + interval '50 minutes', '{"journey":{"phases":[{"name":"Pause"},{"name":"Expand"},{"name":"Focus"},{"name":"Do"}]}}'::jsonb
     FROM generate_series(1, ${SESSIONS}) i`,
    [orgId, facilitators],
  );
  await db.query(
    `INSERT INTO session_participants (id, session_id, user_id, display_name, role)
     SELECT gen_random_uuid(), s.id, CASE WHEN p <= 4 THEN ($1::uuid[])[1 + (abs(hashtext(s.id::text)) + p) % 180] END, 'Guest ' || p, 'participant'
     FROM sessions s, generate_series(1, ${PEOPLE_PER_SESSION}) p WHERE s.org_id = $2`,
    [users.slice(FACILITATORS), orgId],
  );
  await db.query(`INSERT INTO session_participants (session_id, user_id, display_name, role) SELECT id, created_by, 'Facilitator', 'facilitator' FROM sessions WHERE org_id = $1`, [orgId]);
  // Mostly cheap facts (deals, hands, reactions), a few shared words, phases every 250 events.
  await db.query(
    `WITH s AS (
       SELECT s.id, s.created_at, row_number() OVER (ORDER BY s.id) AS n,
              (SELECT array_agg(p.id ORDER BY p.display_name) FROM session_participants p WHERE p.session_id = s.id AND p.role = 'participant') AS seats
       FROM sessions s WHERE s.org_id = $1),
     ev AS (
       SELECT s.id, s.created_at, e, s.seats[1 + e % ${PEOPLE_PER_SESSION}] AS who, ($2::text[])[1 + (e + s.n) % array_length($2::text[], 1)] AS card,
              ($3::text[])[1 + (e + s.n) % array_length($3::text[], 1)] AS words,
              CASE WHEN e = 1 THEN 'session.started' WHEN e = ${EVENTS_PER_SESSION} THEN 'session.ended' WHEN e % 250 = 0 THEN 'phase.changed'
                   WHEN e % 200 = 7 THEN 'reflection.added' WHEN e % 300 = 11 THEN 'chat.sent' WHEN e % 97 = 5 THEN 'commitment.added'
                   WHEN e % 10 = 3 THEN 'card.chosen' WHEN e % 10 = 4 THEN 'cards.dealt' WHEN e % 10 = 5 THEN 'hand.raised' ELSE 'reaction.sent' END AS type
       FROM s CROSS JOIN generate_series(1, ${EVENTS_PER_SESSION}) e)
     INSERT INTO session_events (session_id, seq, type, payload, at)
     SELECT id, e, type,
       CASE type
         WHEN 'session.started' THEN jsonb_build_object('at', 0)
         WHEN 'session.ended' THEN jsonb_build_object('at', 0)
         WHEN 'phase.changed' THEN jsonb_build_object('index', e / 250, 'name', (ARRAY['Pause','Expand','Focus','Do'])[1 + (e / 250) % 4], 'timer', NULL)
         WHEN 'reflection.added' THEN jsonb_build_object('id', 'r' || e, 'participantId', who, 'text', words, 'visibility', 'shared', 'at', 0)
         WHEN 'chat.sent' THEN jsonb_build_object('id', 'c' || e, 'participantId', who, 'text', words, 'at', 0)
         WHEN 'commitment.added' THEN jsonb_build_object('id', 'k' || e, 'participantId', who, 'text', 'Walk every morning', 'at', 0)
         WHEN 'card.chosen' THEN jsonb_build_object('cardId', card, 'slot', e, 'participantId', who, 'faceUp', true)
         WHEN 'cards.dealt' THEN jsonb_build_object('deckId', card, 'faceUp', true, 'to', 'each', 'cards', jsonb_build_array(jsonb_build_object('cardId', card, 'slot', e, 'participantId', who)))
         WHEN 'hand.raised' THEN jsonb_build_object('participantId', who, 'at', 0)
         ELSE jsonb_build_object('participantId', who, 'emoji', 'heart', 'at', 0) END,
       created_at + e * interval '3 seconds'
     FROM ev`,
    [orgId, words, SHARED],
  );
  await db.query(`UPDATE sessions SET last_seq = ${EVENTS_PER_SESSION} WHERE org_id = $1`, [orgId]);
  await db.query(
    `INSERT INTO commitments (org_id, session_id, participant_id, text, status, created_at)
     SELECT $1, session_id, (payload->>'participantId')::uuid, payload->>'text', CASE WHEN seq % 3 = 0 THEN 'done' ELSE 'open' END, at
     FROM session_events WHERE type = 'commitment.added'`,
    [orgId],
  );
  return { orgId, facilitators };
}

async function measure(r: Reporter, engine: string, db: Database) {
  const t0 = performance.now();
  const { orgId, facilitators } = await generate(db);
  const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM session_events`);
  r.add({ section: "analytics", name: `${engine}: generate ${SESSIONS} sessions, ${Number(n).toLocaleString("en")} events`, value: (performance.now() - t0) / 1000, unit: "s" });

  // Only what the materialiser and services read; no live sessions, mail or limits are involved.
  const log = { warn: () => undefined, error: (o: unknown) => console.error(o) };
  const ctx = { database: db, log, live: undefined } as unknown as AppContext;
  const materialiser = analyticsMaterialiser(ctx);
  const ids = (await db.query<{ id: string }>(`SELECT id FROM sessions WHERE org_id = $1 ORDER BY id`, [orgId])).map((s) => s.id);
  const each: number[] = [];
  for (const id of ids) {
    const s = performance.now();
    await materialiser.run(id);
    each.push(performance.now() - s);
  }
  each.sort((a, b) => a - b);
  r.add({ section: "analytics", name: `${engine}: materialise one ended session (${EVENTS_PER_SESSION} events) p50`, value: percentile(each, 50), unit: "ms" });
  r.add({ section: "analytics", name: `${engine}: materialise one ended session p95`, value: percentile(each, 95), unit: "ms" });

  const service = analyticsService(ctx, materialiser);
  const facilitator = (i: number) => ({ kind: "user" as const, userId: facilitators[i % facilitators.length], orgId, role: "facilitator" as const });
  const admin = { kind: "user" as const, userId: facilitators[0], orgId, role: "admin" as const };
  // A new range each time: nothing is cached, as on the first load after a session ends.
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const own = await timeIt(60, (i) => service.facilitatorDashboard(facilitator(i), { from: day(30 + i) }), 5);
  r.add({ section: "analytics", name: `${engine}: facilitator dashboard, first load p50`, value: percentile(own, 50), unit: "ms" });
  r.add({ section: "analytics", name: `${engine}: facilitator dashboard, first load p95`, value: percentile(own, 95), unit: "ms", target: "< 150" });
  const org = await timeIt(60, (i) => service.orgDashboard(admin, { from: day(100 + i) }), 5);
  r.add({ section: "analytics", name: `${engine}: organisation dashboard (~1,000 sessions), first load p50`, value: percentile(org, 50), unit: "ms" });
  r.add({ section: "analytics", name: `${engine}: organisation dashboard, first load p95`, value: percentile(org, 95), unit: "ms", target: "< 150" });
  // After a restart no reflection embedding is in memory yet: a fresh service each time.
  const cold = await timeIt(10, (i) => analyticsService(ctx, materialiser).orgDashboard(admin, { from: day(200 + i) }), 1);
  r.add({ section: "analytics", name: `${engine}: organisation dashboard, first load after a restart p50`, value: percentile(cold, 50), unit: "ms" });
  const again = await timeIt(100, (i) => (i % 2 ? service.orgDashboard(admin, {}) : service.facilitatorDashboard(facilitator(0), {})), 2);
  r.add({ section: "analytics", name: `${engine}: dashboard again, data unchanged p95`, value: percentile(again, 95), unit: "ms", target: "< 150" });
  const report = await timeIt(40, (i) => service.sessionReport(admin, ids[i * 7]), 3);
  r.add({ section: "analytics", name: `${engine}: session report from its 1,000-event log p95`, value: percentile(report, 95), unit: "ms" });
}

export default async function analytics(r: Reporter) {
  const lite = wrapPglite(await openPglite());
  await migrateDatabase(lite);
  await seed(lite);
  await measure(r, "PGlite", lite);
  await lite.close();

  const name = `pyou_bench_analytics_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    process.stdout.write(`  analytics  PostgreSQL not reachable at ${PG_URL}; set BENCH_DATABASE_URL to measure it\n`);
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = wrapPool(openPool(url.toString(), 5));
  try {
    await migrateDatabase(db, url.toString());
    await seed(db);
    await measure(r, "PostgreSQL", db);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function seed(db: Database) {
  const { seedDefaultContent } = await import("../server/cards/seed");
  await seedDefaultContent(db);
}
