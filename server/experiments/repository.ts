import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { experimentEvents, experiments, feedbackEvents } from "../db/schema";

export type ExperimentRow = typeof experiments.$inferSelect;

export function experimentRepository(db: Db) {
  return {
    async insert(values: typeof experiments.$inferInsert): Promise<ExperimentRow> {
      const [row] = await db.insert(experiments).values(values).returning();
      return row;
    },
    async find(orgId: string, id: string): Promise<ExperimentRow | undefined> {
      const rows = await db.select().from(experiments).where(and(eq(experiments.id, id), eq(experiments.orgId, orgId))).limit(1);
      return rows[0];
    },
    async list(orgId: string): Promise<ExperimentRow[]> {
      return db.select().from(experiments).where(eq(experiments.orgId, orgId)).orderBy(desc(experiments.startedAt)).limit(100);
    },
    async running(orgId: string, target: "recommender" | "coach"): Promise<ExperimentRow | undefined> {
      const rows = await db
        .select()
        .from(experiments)
        .where(and(eq(experiments.orgId, orgId), eq(experiments.target, target), eq(experiments.status, "running")))
        .orderBy(desc(experiments.startedAt))
        .limit(1);
      return rows[0];
    },
    async stop(id: string): Promise<ExperimentRow | undefined> {
      const [row] = await db.update(experiments).set({ status: "stopped", stoppedAt: new Date() }).where(and(eq(experiments.id, id), eq(experiments.status, "running"))).returning();
      return row;
    },
    /** Logged once per exposure and once per outcome of that exposure; repeats are ignored. */
    async log(values: typeof experimentEvents.$inferInsert): Promise<void> {
      await db.insert(experimentEvents).values(values).onConflictDoNothing();
    },
    /** Feedback per ISO week and signal, and the positively signalled cards per week, for drift. */
    async weeklySignals(orgId: string, since: Date) {
      const week = sql<string>`to_char(date_trunc('week', ${feedbackEvents.createdAt}), 'YYYY-MM-DD')`;
      const mix = await db
        .select({ week, signal: feedbackEvents.signal, n: sql<number>`count(*)::int` })
        .from(feedbackEvents)
        .where(and(eq(feedbackEvents.orgId, orgId), sql`${feedbackEvents.createdAt} >= ${since.toISOString()}`))
        .groupBy(week, feedbackEvents.signal);
      const card = sql<string | null>`CASE WHEN ${feedbackEvents.targetType} = 'card' THEN ${feedbackEvents.targetId}::text ELSE ${feedbackEvents.context}->>'cardId' END`;
      const cards = await db
        .select({ week, cardId: card, n: sql<number>`count(*)::int` })
        .from(feedbackEvents)
        .where(
          and(
            eq(feedbackEvents.orgId, orgId),
            sql`${feedbackEvents.createdAt} >= ${since.toISOString()}`,
            sql`${feedbackEvents.signal} IN ('chosen','kept','resonant','helpful')`,
            sql`${feedbackEvents.targetType} IN ('card','recommendation')`,
          ),
        )
        .groupBy(week, card);
      return { mix: mix.map((r) => ({ ...r, n: Number(r.n) })), cards: cards.filter((r): r is typeof r & { cardId: string } => r.cardId !== null).map((r) => ({ ...r, n: Number(r.n) })) };
    },
    async counts(experimentId: string): Promise<Map<string, { exposures: number; successes: number }>> {
      const rows = await db
        .select({ arm: experimentEvents.arm, kind: experimentEvents.kind, n: sql<number>`count(*)::int` })
        .from(experimentEvents)
        .where(eq(experimentEvents.experimentId, experimentId))
        .groupBy(experimentEvents.arm, experimentEvents.kind);
      const out = new Map<string, { exposures: number; successes: number }>();
      for (const r of rows) {
        const c = out.get(r.arm) ?? { exposures: 0, successes: 0 };
        if (r.kind === "exposure") c.exposures = Number(r.n);
        else c.successes = Number(r.n);
        out.set(r.arm, c);
      }
      return out;
    },
  };
}
