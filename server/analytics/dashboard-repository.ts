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

/** The facts rows (aliased `f`) in scope; every dashboard query joins through this. */
function inScope(s: Scope): SQL {
  const parts: SQL[] = [sql`f.org_id = ${s.orgId}`, sql`f.day >= ${s.from}`, sql`f.day <= ${s.to}`];
  if (s.facilitatorId) parts.push(sql`f.facilitator_ids @> ARRAY[${s.facilitatorId}]::uuid[]`);
  if (s.journeyId) parts.push(sql`f.journey_id = ${s.journeyId}`);
  return sql.join(parts, sql` AND `);
}

const num = (v: unknown) => Number(v ?? 0);

export function dashboardRepository(db: Db) {
  return {
    async totals(s: Scope) {
      const [r] = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT count(*) AS sessions, coalesce(sum(f.participants), 0) AS seats, coalesce(sum(f.reflections), 0) AS reflections,
                   coalesce(avg(f.duration_seconds), 0) AS avg_duration
            FROM analytics_session_facts f WHERE ${inScope(s)}`,
      );
      return { sessions: num(r?.sessions), seats: num(r?.seats), reflections: num(r?.reflections), averageDurationSeconds: Math.round(num(r?.avg_duration)) };
    },
    /** Distinct people (an account when known, else the seat) and those who came to more than one session. */
    async people(s: Scope) {
      const [r] = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT count(*) AS people, count(*) FILTER (WHERE n > 1) AS returning FROM (
              SELECT coalesce(sp.user_id::text, p.participant_id::text) AS person, count(DISTINCT p.session_id) AS n
              FROM analytics_session_people p
              JOIN analytics_session_facts f ON f.session_id = p.session_id
              LEFT JOIN session_participants sp ON sp.id = p.participant_id
              WHERE ${inScope(s)} GROUP BY 1) x`,
      );
      return { people: num(r?.people), returning: num(r?.returning) };
    },
    async daily(s: Scope) {
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT d.day, sum(d.sessions) AS sessions, sum(d.participants) AS participants FROM analytics_daily d
            WHERE d.org_id = ${s.orgId} AND d.facilitator_id = ${s.facilitatorId ?? ALL_FACILITATORS} AND d.day >= ${s.from} AND d.day <= ${s.to}
            ${s.journeyId ? sql`AND d.journey_key = ${s.journeyId}` : sql``}
            GROUP BY d.day ORDER BY d.day`,
      );
      return rows.map((r) => ({ day: String(r.day), sessions: num(r.sessions), participants: num(r.participants) }));
    },
    async topCards(s: Scope, by: "chosen" | "swapped", limit = 5) {
      const column = by === "chosen" ? sql`chosen` : sql`swapped`;
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT t.card_id, t.n, cards.word FROM (
              SELECT c.card_id, sum(c.${column}) AS n FROM analytics_session_cards c
              JOIN analytics_session_facts f ON f.session_id = c.session_id
              WHERE ${inScope(s)} GROUP BY c.card_id) t
            LEFT JOIN cards ON cards.id = t.card_id
            WHERE t.n > 0 ORDER BY t.n DESC, t.card_id LIMIT ${limit}`,
      );
      return rows.map((r) => ({ cardId: String(r.card_id), word: r.word === null || r.word === undefined ? null : String(r.word), count: num(r.n) }));
    },
    /** Followed up: marked done or dropped, rescheduled, or reflected on since it was made. */
    async commitments(s: Scope) {
      const [r] = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT count(*) AS made,
                   count(*) FILTER (WHERE cm.status <> 'open' OR jsonb_array_length(cm.follow_ups) > 0) AS followed,
                   count(*) FILTER (WHERE cm.status = 'done') AS done,
                   count(DISTINCT coalesce(cm.user_id::text, cm.participant_id::text)) AS people
            FROM commitments cm JOIN analytics_session_facts f ON f.session_id = cm.session_id WHERE ${inScope(s)}`,
      );
      return { made: num(r?.made), followedUp: num(r?.followed), done: num(r?.done), people: num(r?.people) };
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
    async reflections(s: Scope, limit = 240) {
      const rows = await rowsOf<{ text: string; embedding: number[] | string; participant_id?: string }>(
        db,
        sql`SELECT r.text, r.embedding FROM analytics_reflections r JOIN analytics_session_facts f ON f.session_id = r.session_id
            WHERE ${inScope(s)} ORDER BY r.day DESC, r.source_id LIMIT ${limit}`,
      );
      return rows.map((r) => ({ text: r.text, embedding: parseRealArray(r.embedding) }));
    },
    async facilitators(s: Scope) {
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT fac::text AS user_id, coalesce(u.name, '') AS name, count(*) AS sessions, sum(f.participants) AS participants
            FROM analytics_session_facts f CROSS JOIN LATERAL unnest(f.facilitator_ids) AS fac LEFT JOIN users u ON u.id = fac
            WHERE ${inScope(s)} GROUP BY fac, u.name ORDER BY count(*) DESC, u.name LIMIT 50`,
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

/** node-postgres parses real[] to numbers; PGlite may hand back strings for some array types. */
function parseRealArray(v: number[] | string): number[] {
  if (Array.isArray(v)) return v.map(Number);
  return v.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
}
