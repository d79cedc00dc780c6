import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { ALL_FACILITATORS } from "./repository";

/** Which ended sessions a dashboard describes. `facilitatorId` null means the whole organisation. */
export interface Scope {
  orgId: string;
  facilitatorId: string | null;
  from: string;
  to: string;
  journeyId: string | null;
}

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The facts rows (aliased `f`) in scope: for what is not rolled up per day (reflections, recent sessions). */
function inScope(s: Scope): SQL {
  const parts: SQL[] = [sql`f.org_id = ${s.orgId}`, sql`f.day >= ${s.from}`, sql`f.day <= ${s.to}`];
  if (s.facilitatorId) parts.push(sql`f.facilitator_ids @> ARRAY[${s.facilitatorId}]::uuid[]`);
  if (s.journeyId) parts.push(sql`f.journey_id = ${s.journeyId}`);
  return sql.join(parts, sql` AND `);
}

/**
 * The daily rollup rows (aliased `d`) in scope. Every rollup table is keyed by organisation,
 * facilitator (ALL_FACILITATORS for the whole organisation), day and journey, so one range
 * scan of its primary key finds them.
 */
function inDays(s: Scope): SQL {
  const parts: SQL[] = [sql`d.org_id = ${s.orgId}`, sql`d.facilitator_id = ${s.facilitatorId ?? ALL_FACILITATORS}`, sql`d.day >= ${s.from}`, sql`d.day <= ${s.to}`];
  if (s.journeyId) parts.push(sql`d.journey_key = ${s.journeyId}`);
  return sql.join(parts, sql` AND `);
}

const num = (v: unknown) => Number(v ?? 0);

export function dashboardRepository(db: Db) {
  return {
    async totals(s: Scope) {
      const [r] = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT coalesce(sum(d.sessions), 0) AS sessions, coalesce(sum(d.participants), 0) AS seats, coalesce(sum(d.reflections), 0) AS reflections,
                   coalesce(sum(d.duration_seconds)::float8 / nullif(sum(d.sessions), 0), 0) AS avg_duration
            FROM analytics_daily d WHERE ${inDays(s)}`,
      );
      return { sessions: num(r?.sessions), seats: num(r?.seats), reflections: num(r?.reflections), averageDurationSeconds: Math.round(num(r?.avg_duration)) };
    },
    /**
     * Distinct people (an account when known, else the seat), those who came to more than one
     * session, and the commitments made in the scope's sessions with how many people made them.
     * Follow-ups are live: a commitment's change recounts its session's day.
     */
    async people(s: Scope) {
      const [r] = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT count(*) FILTER (WHERE x.sessions > 0) AS people, count(*) FILTER (WHERE x.sessions > 1) AS returning,
                   coalesce(sum(x.commitments), 0) AS made, coalesce(sum(x.followed_up), 0) AS followed, coalesce(sum(x.done), 0) AS done,
                   count(*) FILTER (WHERE x.commitments > 0) AS committers
            FROM (SELECT d.person_id, sum(d.sessions) AS sessions, sum(d.commitments) AS commitments, sum(d.followed_up) AS followed_up, sum(d.done) AS done
                  FROM analytics_daily_people d WHERE ${inDays(s)} GROUP BY d.person_id) x`,
      );
      return {
        people: num(r?.people),
        returning: num(r?.returning),
        commitments: { made: num(r?.made), followedUp: num(r?.followed), done: num(r?.done), people: num(r?.committers) },
      };
    },
    async daily(s: Scope) {
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT d.day, sum(d.sessions) AS sessions, sum(d.participants) AS participants FROM analytics_daily d
            WHERE ${inDays(s)} GROUP BY d.day ORDER BY d.day`,
      );
      return rows.map((r) => ({ day: String(r.day), sessions: num(r.sessions), participants: num(r.participants) }));
    },
    /** The most chosen and the most swapped cards, from one pass over the daily card counts. */
    async topCards(s: Scope, limit = 5) {
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`WITH t AS (SELECT d.card_id, sum(d.chosen) AS chosen, sum(d.swapped) AS swapped FROM analytics_daily_cards d WHERE ${inDays(s)} GROUP BY d.card_id),
                 top AS ((SELECT 'chosen' AS by, t.card_id, t.chosen AS n FROM t WHERE t.chosen > 0 ORDER BY t.chosen DESC, t.card_id LIMIT ${limit})
                         UNION ALL
                         (SELECT 'swapped', t.card_id, t.swapped FROM t WHERE t.swapped > 0 ORDER BY t.swapped DESC, t.card_id LIMIT ${limit}))
            SELECT top.by, top.card_id, top.n, cards.word FROM top LEFT JOIN cards ON cards.id = top.card_id ORDER BY top.by, top.n DESC, top.card_id`,
      );
      const present = (by: string) =>
        rows.filter((r) => r.by === by).map((r) => ({ cardId: String(r.card_id), word: r.word === null || r.word === undefined ? null : String(r.word), count: num(r.n) }));
      return { chosen: present("chosen"), swapped: present("swapped") };
    },
    /** Ratings of coach turns: in the scope's sessions, or (for a facilitator) ones they gave themselves. */
    async coachRatings(s: Scope) {
      const inSessions = sql`fe.session_id IN (SELECT f.session_id FROM analytics_session_facts f WHERE ${inScope(s)})`;
      const who = s.journeyId ? inSessions : s.facilitatorId ? sql`(fe.user_id = ${s.facilitatorId} OR ${inSessions})` : sql`TRUE`;
      const [r] = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT count(*) FILTER (WHERE fe.signal = 'helpful') AS helpful, count(*) FILTER (WHERE fe.signal = 'not-helpful') AS not_helpful,
                   count(DISTINCT coalesce(fe.user_id::text, fe.participant_id::text)) AS raters
            FROM feedback_events fe
            WHERE fe.org_id = ${s.orgId} AND fe.target_type = 'coachMessage'
              AND fe.created_at >= ${s.from}::date AND fe.created_at < (${s.to}::date + 1) AND ${who}`,
      );
      return { helpful: num(r?.helpful), notHelpful: num(r?.not_helpful), raters: num(r?.raters) };
    },
    /** The latest shared reflections in scope, without their embeddings (see `embeddings`). */
    async reflections(s: Scope, limit = 240) {
      // The whole organisation needs only the reflections' own (org, day) index; a facilitator or
      // a journey starts from the facts of the sessions in scope.
      const where = s.facilitatorId || s.journeyId
        ? sql`FROM analytics_reflections r JOIN analytics_session_facts f ON f.session_id = r.session_id WHERE ${inScope(s)}`
        : sql`FROM analytics_reflections r WHERE r.org_id = ${s.orgId} AND r.day >= ${s.from} AND r.day <= ${s.to}`;
      const rows = await rowsOf<{ session_id: string; source_id: string; text: string }>(
        db,
        sql`SELECT r.session_id, r.source_id, r.text ${where} ORDER BY r.day DESC, r.source_id, r.session_id LIMIT ${limit}`,
      );
      return rows.map((r) => ({ key: reflectionKey(r.session_id, r.source_id), text: r.text }));
    },
    /** Embeddings of the given reflections (keys from `reflectionKey`). */
    async embeddings(keys: string[]): Promise<Map<string, number[]>> {
      if (keys.length === 0) return new Map();
      const pairs = keys.map((k) => [k.slice(0, k.indexOf("|")), k.slice(k.indexOf("|") + 1)]);
      const list = (i: number) => sql.join(pairs.map((p) => sql`${p[i]}`), sql`, `);
      const rows = await rowsOf<{ session_id: string; source_id: string; embedding: number[] | string }>(
        db,
        sql`SELECT r.session_id, r.source_id, r.embedding FROM analytics_reflections r
            JOIN unnest(ARRAY[${list(0)}]::uuid[], ARRAY[${list(1)}]::text[]) AS k(session_id, source_id)
              ON k.session_id = r.session_id AND k.source_id = r.source_id`,
      );
      return new Map(rows.map((r) => [reflectionKey(r.session_id, r.source_id), parseRealArray(r.embedding)]));
    },
    /** Each facilitator's own daily rows, summed; the organisation's scope only. */
    async facilitators(s: Scope) {
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT t.facilitator_id::text AS user_id, coalesce(u.name, '') AS name, t.sessions, t.participants FROM (
              SELECT d.facilitator_id, sum(d.sessions) AS sessions, sum(d.participants) AS participants FROM analytics_daily d
              WHERE d.org_id = ${s.orgId} AND d.facilitator_id <> ${ALL_FACILITATORS} AND d.day >= ${s.from} AND d.day <= ${s.to}
                    ${s.journeyId ? sql`AND d.journey_key = ${s.journeyId}` : sql``}
              GROUP BY d.facilitator_id) t
            LEFT JOIN users u ON u.id = t.facilitator_id
            ORDER BY t.sessions DESC, u.name LIMIT 50`,
      );
      return rows.map((r) => ({ userId: String(r.user_id), name: String(r.name), sessions: num(r.sessions), participants: num(r.participants) }));
    },
    async recentSessions(s: Scope, limit = 20) {
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT f.session_id, f.title, f.day, f.participants, f.duration_seconds FROM analytics_session_facts f
            WHERE ${inScope(s)} ORDER BY f.started_at DESC LIMIT ${limit}`,
      );
      return rows.map((r) => ({ id: String(r.session_id), title: String(r.title), day: String(r.day), participants: num(r.participants), durationSeconds: num(r.duration_seconds) }));
    },

    async myCommitments(userId: string) {
      return rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT cm.id, cm.text, cm.due_at, cm.status, cm.session_id, jsonb_array_length(cm.follow_ups) AS follow_ups, cm.created_at
            FROM commitments cm
            WHERE cm.user_id = ${userId} OR cm.participant_id IN (SELECT sp.id FROM session_participants sp WHERE sp.user_id = ${userId})
            ORDER BY cm.created_at DESC LIMIT 200`,
      );
    },
    async mySessions(userId: string) {
      return rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT p.session_id, f.title, f.day, p.reflections, p.chat_messages, p.valence
            FROM analytics_session_people p
            JOIN session_participants sp ON sp.id = p.participant_id
            JOIN analytics_session_facts f ON f.session_id = p.session_id
            WHERE sp.user_id = ${userId} ORDER BY f.started_at DESC LIMIT 200`,
      );
    },
  };
}
export type DashboardRepository = ReturnType<typeof dashboardRepository>;

/** A reflection's identity: its session and its id in that session's log. */
export const reflectionKey = (sessionId: string, sourceId: string) => `${sessionId}|${sourceId}`;

/** node-postgres parses real[] to numbers; PGlite may hand back strings for some array types. */
function parseRealArray(v: number[] | string): number[] {
  if (Array.isArray(v)) return v.map(Number);
  return v.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
}
