import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  analyticsReflections,
  analyticsSessionCards,
  analyticsSessionFacts,
  analyticsSessionPeople,
  cards,
  orgs,
  sessionEvents,
  sessionParticipants,
  sessions,
  signalMinutes,
  textAnalyses,
} from "../db/schema";

/** The daily row that counts the whole organisation rather than one facilitator. */
export const ALL_FACILITATORS = "00000000-0000-0000-0000-000000000000";

export type FactsRow = typeof analyticsSessionFacts.$inferInsert;
export type PersonFactRow = typeof analyticsSessionPeople.$inferInsert;
export type CardFactRow = typeof analyticsSessionCards.$inferInsert;
export type ReflectionFactRow = typeof analyticsReflections.$inferInsert;

/** Both drivers answer `execute` with `{rows}`; Drizzle types them differently. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

export function analyticsRepository(db: Db) {
  return {
    rowsOf: <T>(query: SQL) => rowsOf<T>(db, query),

    async session(id: string) {
      return (await db.select().from(sessions).where(eq(sessions.id, id)).limit(1))[0];
    },
    async events(sessionId: string) {
      return db
        .select({ type: sessionEvents.type, payload: sessionEvents.payload, at: sessionEvents.at })
        .from(sessionEvents)
        .where(eq(sessionEvents.sessionId, sessionId))
        .orderBy(asc(sessionEvents.seq));
    },
    async participants(sessionId: string) {
      return db
        .select({ id: sessionParticipants.id, userId: sessionParticipants.userId, displayName: sessionParticipants.displayName, role: sessionParticipants.role })
        .from(sessionParticipants)
        .where(eq(sessionParticipants.sessionId, sessionId))
        .orderBy(asc(sessionParticipants.createdAt));
    },
    async analysesOf(sessionId: string) {
      return db
        .select({ sourceType: textAnalyses.sourceType, sourceId: textAnalyses.sourceId, valence: textAnalyses.valence })
        .from(textAnalyses)
        .where(and(eq(textAnalyses.sessionId, sessionId), inArray(textAnalyses.sourceType, ["reflection", "chat"])));
    },
    async saveAnalyses(rows: (typeof textAnalyses.$inferInsert)[]) {
      if (rows.length) await db.insert(textAnalyses).values(rows);
    },
    /** Seconds each person spoke, from the per-minute voice aggregates their devices shared. */
    async speakingSeconds(sessionId: string): Promise<Map<string, number>> {
      const rows = await db
        .select({
          participantId: signalMinutes.participantId,
          seconds: sql<number>`sum(coalesce((${signalMinutes.metrics}->>'speakingSeconds')::float8, (${signalMinutes.metrics}->>'talkSeconds')::float8, (${signalMinutes.metrics}->>'speakingMs')::float8 / 1000, 0))`,
        })
        .from(signalMinutes)
        .where(eq(signalMinutes.sessionId, sessionId))
        .groupBy(signalMinutes.participantId);
      return new Map(rows.map((r) => [r.participantId, Number(r.seconds)]));
    },
    async cardWords(ids: string[]) {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await db.select({ id: cards.id, word: cards.word }).from(cards).where(inArray(cards.id, ids));
      return new Map(rows.map((r) => [r.id, r.word]));
    },

    async hasFacts(sessionId: string) {
      return (await db.select({ id: analyticsSessionFacts.sessionId }).from(analyticsSessionFacts).where(eq(analyticsSessionFacts.sessionId, sessionId)).limit(1)).length > 0;
    },
    /** Replaces a session's facts in one transaction, so a dashboard never sees half of them; the day's rollups are recounted at its commit. */
    async writeFacts(facts: FactsRow, people: PersonFactRow[], cardRows: CardFactRow[], reflections: ReflectionFactRow[]) {
      await db.transaction(async (tx) => {
        const id = facts.sessionId;
        await tx.delete(analyticsSessionPeople).where(eq(analyticsSessionPeople.sessionId, id));
        await tx.delete(analyticsSessionCards).where(eq(analyticsSessionCards.sessionId, id));
        await tx.delete(analyticsReflections).where(eq(analyticsReflections.sessionId, id));
        await tx.insert(analyticsSessionFacts).values(facts).onConflictDoUpdate({ target: analyticsSessionFacts.sessionId, set: { ...facts, computedAt: new Date() } });
        if (people.length) await tx.insert(analyticsSessionPeople).values(people);
        if (cardRows.length) await tx.insert(analyticsSessionCards).values(cardRows);
        for (let i = 0; i < reflections.length; i += 200) await tx.insert(analyticsReflections).values(reflections.slice(i, i + 200));
      });
    },
    /** Recounts one organisation's day of daily rollups from scratch, as the database's triggers do. */
    async rollupDay(orgId: string, day: string) {
      await db.execute(sql`SELECT analytics_rollup_day(${orgId}::uuid, ${day})`);
    },
    /** Ended sessions whose facts were never written (ended on another node, or before analytics existed). */
    async endedWithoutFacts(orgId: string, limit: number) {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`SELECT s.id FROM ${sessions} s LEFT JOIN ${analyticsSessionFacts} f ON f.session_id = s.id
            WHERE s.org_id = ${orgId} AND s.status = 'ended' AND f.session_id IS NULL ORDER BY s.ended_at DESC NULLS LAST LIMIT ${limit}`,
      );
      return rows.map((r) => r.id);
    },

    /**
     * Changes whenever anything a dashboard shows could have changed: the organisation's rollups
     * were recounted (a session's facts written or removed, a commitment of an ended session
     * changed), a coach reply was rated, the privacy settings changed. `missing` counts ended
     * sessions whose facts are not written yet.
     */
    async fingerprint(orgId: string): Promise<{ key: string; missing: number }> {
      const [r] = await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT (SELECT count(*) FROM ${sessions} WHERE org_id = ${orgId} AND status = 'ended') AS ended,
                   (SELECT count(*) FROM ${analyticsSessionFacts} WHERE org_id = ${orgId}) AS facts_count,
                   (SELECT version FROM analytics_versions WHERE org_id = ${orgId}) AS version,
                   (SELECT count(*) FROM feedback_events WHERE org_id = ${orgId} AND target_type = 'coachMessage') AS ratings,
                   (SELECT settings->'analytics' FROM ${orgs} WHERE id = ${orgId}) AS privacy`,
      );
      const missing = Math.max(0, Number(r?.ended ?? 0) - Number(r?.facts_count ?? 0));
      return { key: [r?.version ?? 0, r?.facts_count, r?.ratings, JSON.stringify(r?.privacy ?? null)].join("|"), missing };
    },

    async epsilonOf(orgId: string): Promise<number | null> {
      const row = (await db.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1))[0];
      const analytics = row?.settings.analytics as { epsilon?: unknown } | undefined;
      return typeof analytics?.epsilon === "number" && analytics.epsilon > 0 ? analytics.epsilon : null;
    },
    async setEpsilon(orgId: string, epsilon: number | null) {
      // jsonb_set on the one key keeps other features' settings (the coach's model) untouched.
      await db
        .update(orgs)
        .set({ settings: sql`jsonb_set(${orgs.settings}, '{analytics}', ${JSON.stringify({ epsilon })}::jsonb, true)` })
        .where(eq(orgs.id, orgId));
    },
  };
}
export type AnalyticsRepository = ReturnType<typeof analyticsRepository>;
