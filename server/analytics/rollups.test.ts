import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard } from "../../domain/api/analytics";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { dashboardRepository, type Scope } from "./dashboard-repository";
import { ALL_FACILITATORS } from "./repository";
import { analyticsOf } from "./routes";
import { listen, scriptSession, type ScriptedSession } from "./testing";

type Row = Record<string, unknown>;

/**
 * The dashboard figures computed the slow way, straight from the per-session facts and the
 * live commitments: what the daily rollups must always add up to.
 */
async function fromScratch(t: TestApp, s: Scope) {
  const rows = async (q: ReturnType<typeof sql>) => ((await t.ctx.database.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const parts = [sql`f.org_id = ${s.orgId}`, sql`f.day >= ${s.from}`, sql`f.day <= ${s.to}`];
  if (s.facilitatorId) parts.push(sql`f.facilitator_ids @> ARRAY[${s.facilitatorId}]::uuid[]`);
  if (s.journeyId) parts.push(sql`f.journey_id = ${s.journeyId}`);
  const scope = sql.join(parts, sql` AND `);
  const n = (v: unknown) => Number(v ?? 0);
  const [totals] = await rows(
    sql`SELECT count(*) AS sessions, coalesce(sum(f.participants), 0) AS seats, coalesce(sum(f.reflections), 0) AS reflections, coalesce(avg(f.duration_seconds), 0) AS avg
        FROM analytics_session_facts f WHERE ${scope}`,
  );
  const [people] = await rows(
    sql`SELECT count(*) AS people, count(*) FILTER (WHERE n > 1) AS returning FROM (
          SELECT coalesce(sp.user_id::text, p.participant_id::text) AS person, count(DISTINCT p.session_id) AS n
          FROM analytics_session_people p JOIN analytics_session_facts f ON f.session_id = p.session_id
          LEFT JOIN session_participants sp ON sp.id = p.participant_id WHERE ${scope} GROUP BY 1) x`,
  );
  const [commitments] = await rows(
    sql`SELECT count(*) AS made, count(*) FILTER (WHERE cm.status <> 'open' OR jsonb_array_length(cm.follow_ups) > 0) AS followed,
               count(*) FILTER (WHERE cm.status = 'done') AS done, count(DISTINCT coalesce(cm.user_id::text, cm.participant_id::text)) AS people
        FROM commitments cm JOIN analytics_session_facts f ON f.session_id = cm.session_id WHERE ${scope}`,
  );
  const top = async (column: "chosen" | "swapped") =>
    (
      await rows(
        sql`SELECT c.card_id::text AS card_id, sum(c.${sql.raw(column)}) AS n FROM analytics_session_cards c JOIN analytics_session_facts f ON f.session_id = c.session_id
            WHERE ${scope} GROUP BY c.card_id HAVING sum(c.${sql.raw(column)}) > 0 ORDER BY n DESC, c.card_id LIMIT 5`,
      )
    ).map((r) => ({ cardId: String(r.card_id), count: n(r.n) }));
  const facilitators = s.facilitatorId
    ? []
    : (
    await rows(
      sql`SELECT fac::text AS user_id, count(*) AS sessions, sum(f.participants) AS participants
          FROM analytics_session_facts f CROSS JOIN LATERAL unnest(f.facilitator_ids) AS fac WHERE ${scope} GROUP BY fac ORDER BY fac`,
    )
  ).map((r) => ({ userId: String(r.user_id), sessions: n(r.sessions), participants: n(r.participants) }));
  const daily = (
    await rows(sql`SELECT f.day, count(*) AS sessions, sum(f.participants) AS participants FROM analytics_session_facts f WHERE ${scope} GROUP BY f.day ORDER BY f.day`)
  ).map((r) => ({ day: String(r.day), sessions: n(r.sessions), participants: n(r.participants) }));
  return {
    totals: { sessions: n(totals.sessions), seats: n(totals.seats), reflections: n(totals.reflections), averageDurationSeconds: Math.round(n(totals.avg)) },
    people: { people: n(people.people), returning: n(people.returning), commitments: { made: n(commitments.made), followedUp: n(commitments.followed), done: n(commitments.done), people: n(commitments.people) } },
    chosen: await top("chosen"),
    swapped: await top("swapped"),
    facilitators,
    daily,
  };
}

/** The same figures read from the daily rollups, as the dashboards read them. */
async function fromRollups(t: TestApp, s: Scope) {
  const dash = dashboardRepository(t.ctx.database.db);
  const cards = await dash.topCards(s);
  const strip = (cs: { cardId: string; count: number }[]) => cs.map((c) => ({ cardId: c.cardId, count: c.count }));
  return {
    totals: await dash.totals(s),
    people: await dash.people(s),
    chosen: strip(cards.chosen),
    swapped: strip(cards.swapped),
    facilitators: s.facilitatorId ? [] : (await dash.facilitators(s)).map((f) => ({ userId: f.userId, sessions: f.sessions, participants: f.participants })).sort((a, b) => a.userId.localeCompare(b.userId)),
    daily: await dash.daily(s),
  };
}

const TABLES = ["analytics_daily", "analytics_daily_people", "analytics_daily_cards"] as const;

async function rollupRows(t: TestApp, orgId: string) {
  const out: Record<string, Row[]> = {};
  for (const table of TABLES) {
    out[table] = await t.database.query<Row>(`SELECT * FROM ${table} WHERE org_id = $1 ORDER BY 1, 2, 3, 4, 5`, [orgId]);
  }
  return out;
}

describe("daily rollups", () => {
  let t: TestApp;
  let base: string;
  let owner: SignedUp;
  let fred: SignedUp;
  let gina: SignedUp;
  let admin: SignedUp;
  let pat: SignedUp;
  let sam: SignedUp;
  let first: ScriptedSession;
  let second: ScriptedSession;
  let third: ScriptedSession;
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t);
    owner = await signUp(t.app, { name: "Rita Rollup" });
    fred = await memberOf(t.app, owner, "facilitator");
    gina = await memberOf(t.app, owner, "facilitator");
    admin = await memberOf(t.app, owner, "admin");
    pat = await memberOf(t.app, owner, "member");
    sam = await memberOf(t.app, owner, "member");
    // Two sessions on the same day with two returning people, and a third that is moved to another day below.
    first = await scriptSession(t, base, fred, { title: "Morning circle", guests: ["Dana", "Omer", "Lea"], members: [pat, sam], commitment: "Walk after lunch" });
    second = await scriptSession(t, base, gina, { title: "Evening circle", guests: ["Avi", "Ben", "Noa"], members: [pat, sam], commitment: "Write to my mentor" });
    third = await scriptSession(t, base, fred, { title: "Weekend circle", guests: ["Tal", "Yael", "Gil", "Rom", "Uri"] });
  }, 180_000);
  afterAll(async () => t?.close());

  const orgScope = (from = daysAgo(30), to = today): Scope => ({ orgId: owner.orgId, facilitatorId: null, journeyId: null, from, to });

  it("are written as sessions end: two sessions on one day share that day's rows", async () => {
    const days = await t.database.query<{ day: string; sessions: number; participants: number }>(
      `SELECT day, sessions, participants FROM analytics_daily WHERE org_id = $1 AND facilitator_id = $2`,
      [owner.orgId, ALL_FACILITATORS],
    );
    expect(days).toEqual([{ day: today, sessions: 3, participants: 15 }]);
    const r = await fromRollups(t, orgScope());
    // Pat and Sam came to two sessions; six guests came once.
    expect(r.people).toMatchObject({ people: 13, returning: 2 });
    expect(r.people.commitments).toEqual({ made: 3, followedUp: 0, done: 0, people: 3 });
    expect(r).toEqual(await fromScratch(t, orgScope()));
  });

  it("follow a commitment marked done after its session ended", async () => {
    const mine = (await t.app.inject({ method: "GET", url: "/api/analytics/me", headers: pat.headers })).json() as { commitments: unknown[] };
    expect(mine.commitments).toEqual([]);
    await t.database.query(`UPDATE commitments SET status = 'done' WHERE session_id = $1`, [first.id]);
    await t.database.query(`UPDATE commitments SET follow_ups = '[{"at":"2025-01-01T00:00:00Z","kind":"reflection"}]' WHERE session_id = $1`, [second.id]);
    const r = await fromRollups(t, orgScope());
    expect(r.people.commitments).toEqual({ made: 3, followedUp: 2, done: 1, people: 3 });
    expect(r).toEqual(await fromScratch(t, orgScope()));
  });

  it("move a re-materialised session to its new day and leave nothing behind on the old one", async () => {
    const materialiser = analyticsOf.get(t.ctx)!.materialiser;
    await t.database.query(`UPDATE session_events SET at = at - interval '3 days' WHERE session_id = $1`, [third.id]);
    await t.database.query(`UPDATE sessions SET created_at = created_at - interval '3 days' WHERE id = $1`, [third.id]);
    await materialiser.run(third.id);
    // Re-materialising with nothing changed rewrites the facts and must not count twice.
    await materialiser.run(first.id);
    const days = await t.database.query<{ day: string; sessions: number }>(
      `SELECT day, sessions FROM analytics_daily WHERE org_id = $1 AND facilitator_id = $2 ORDER BY day`,
      [owner.orgId, ALL_FACILITATORS],
    );
    expect(days).toEqual([
      { day: daysAgo(3), sessions: 1 },
      { day: today, sessions: 2 },
    ]);
    for (const scope of [orgScope(), orgScope(daysAgo(3), daysAgo(3)), orgScope(today, today), { ...orgScope(), facilitatorId: fred.user.id }, { ...orgScope(), facilitatorId: gina.user.id }]) {
      expect(await fromRollups(t, scope)).toEqual(await fromScratch(t, scope));
    }
  });

  it("equal a recount from scratch of every day", async () => {
    const incremental = await rollupRows(t, owner.orgId);
    expect(incremental.analytics_daily_cards.length).toBeGreaterThan(0);
    await t.database.query(`DELETE FROM analytics_daily WHERE org_id = $1`, [owner.orgId]);
    await t.database.query(`DELETE FROM analytics_daily_people WHERE org_id = $1`, [owner.orgId]);
    await t.database.query(`DELETE FROM analytics_daily_cards WHERE org_id = $1`, [owner.orgId]);
    await t.database.query(`SELECT analytics_rollup_day(org_id, day) FROM (SELECT DISTINCT org_id, day FROM analytics_session_facts WHERE org_id = $1) d`, [owner.orgId]);
    expect(await rollupRows(t, owner.orgId)).toEqual(incremental);
  });

  it("count a guest seat kept in an account later as that person", async () => {
    const before = await fromRollups(t, orgScope());
    // Omer (first session) and Avi (second) turn out to be one person who keeps both seats.
    const seat = async (sessionId: string, name: string) =>
      (await t.database.query<{ id: string }>(`SELECT id FROM session_participants WHERE session_id = $1 AND display_name = $2`, [sessionId, name]))[0].id;
    const omer = await signUp(t.app, { name: "Omer" });
    await t.database.query(`UPDATE session_participants SET user_id = $1 WHERE id IN ($2, $3)`, [omer.user.id, await seat(first.id, "Omer"), await seat(second.id, "Avi")]);
    const after = await fromRollups(t, orgScope());
    expect(after.people).toMatchObject({ people: before.people.people - 1, returning: before.people.returning + 1 });
    expect(after).toEqual(await fromScratch(t, orgScope()));
  });

  it("drop a session whose facts are removed", async () => {
    await t.database.query(`DELETE FROM sessions WHERE id = $1`, [third.id]);
    const rows = await t.database.query(`SELECT 1 FROM analytics_daily WHERE org_id = $1 AND day = $2`, [owner.orgId, daysAgo(3)]);
    expect(rows).toEqual([]);
    expect(await fromRollups(t, orgScope())).toEqual(await fromScratch(t, orgScope()));
  });

  it("feed the organisation dashboard with the small-group rule unchanged", async () => {
    const od = (await t.app.inject({ method: "GET", url: "/api/analytics/org", headers: admin.headers })).json() as Dashboard;
    expect(od.totals.sessions).toEqual({ value: 2, suppressed: false });
    // Ten seats, and Omer kept two of them: seven people.
    expect(od.totals.participants).toEqual({ value: 7, suppressed: false });
    // Three returning people and three commitment makers are fewer than five: withheld.
    expect(od.totals.returningParticipants).toEqual({ value: null, suppressed: true });
    expect(od.totals.commitmentsMade).toEqual({ value: null, suppressed: true });
    const byId = new Map(od.facilitators.map((f) => [f.userId, f]));
    expect(byId.get(fred.user.id)!.participants).toEqual({ value: 5, suppressed: false });
    expect(byId.get(gina.user.id)!.participants).toEqual({ value: 5, suppressed: false });
  });
});
