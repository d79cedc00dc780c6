import { and, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { feedbackEvents, orgs, recommendations, recommenderModels, sessionParticipants } from "../db/schema";

export type ModelRow = typeof recommenderModels.$inferSelect;
export type NewRecommendation = typeof recommendations.$inferInsert;
export type RecommendationRow = typeof recommendations.$inferSelect;

export interface SignalRow {
  orgId: string;
  userId: string | null;
  participantId: string | null;
  sessionId: string | null;
  cardId: string;
  signal: string;
  topic: string | null;
  at: Date;
}

export interface Viewer {
  orgId: string;
  userId: string | null;
  participantId: string | null;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The card a feedback row is about: the card itself, or the card a recommendation showed. */
const cardOf = sql<string>`CASE WHEN ${feedbackEvents.targetType} = 'card' THEN ${feedbackEvents.targetId}::text ELSE ${feedbackEvents.context}->>'cardId' END`;
const cardSignals = sql`(${feedbackEvents.targetType} = 'card' OR (${feedbackEvents.targetType} = 'recommendation' AND ${feedbackEvents.context} ? 'cardId'))`;
const viewerWhere = (v: Viewer) => (v.userId ? and(eq(feedbackEvents.orgId, v.orgId), eq(feedbackEvents.userId, v.userId)) : eq(feedbackEvents.participantId, v.participantId ?? ""));

export function recsRepository(db: Db) {
  return {
    /** Visible, live, embedded cards of the organisation and the studio's defaults. */
    async visibleCardIds(orgId: string): Promise<string[]> {
      const result = await db.execute(sql`
        SELECT c.id FROM cards c
        WHERE c.embedding IS NOT NULL AND c.archived_at IS NULL AND (c.org_id IS NULL OR c.org_id = ${orgId}::uuid)
          AND c.deck_id NOT IN (SELECT d.id FROM decks d WHERE d.archived_at IS NOT NULL)`);
      return rowsOf<{ id: string }>(result).map((r) => r.id);
    },

    async cardFeatures(ids: string[]): Promise<{ id: string; tags: string[]; embedding: number[] | null }[]> {
      if (ids.length === 0) return [];
      const result = await db.execute(sql`SELECT id, tags, embedding FROM cards WHERE id = ANY(${`{${ids.join(",")}}`}::uuid[])`);
      return rowsOf<{ id: string; tags: string[]; embedding: number[] | null }>(result);
    },

    async orgSettings(orgId: string): Promise<Record<string, unknown>> {
      const rows = await db.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
      return rows[0]?.settings ?? {};
    },

    /** Opting in or out of the shared model; other settings stay as they are. */
    async setSharedModel(orgId: string, value: boolean): Promise<void> {
      await db
        .update(orgs)
        .set({ settings: sql`${orgs.settings} || jsonb_build_object('sharedModel', ${value}::boolean)` })
        .where(eq(orgs.id, orgId));
    },

    async sharedModelOrgs(): Promise<string[]> {
      const rows = await db.select({ id: orgs.id }).from(orgs).where(sql`${orgs.settings}->>'sharedModel' = 'true'`);
      return rows.map((r) => r.id);
    },

    /** Card signals of these organisations, oldest first (explicit feedback and session events alike). */
    async signals(orgIds: string[], since?: Date): Promise<SignalRow[]> {
      if (orgIds.length === 0) return [];
      const rows = await db
        .select({
          orgId: feedbackEvents.orgId,
          userId: feedbackEvents.userId,
          participantId: feedbackEvents.participantId,
          sessionId: feedbackEvents.sessionId,
          cardId: cardOf,
          signal: feedbackEvents.signal,
          topic: sql<string | null>`${feedbackEvents.context}->>'topic'`,
          at: feedbackEvents.createdAt,
        })
        .from(feedbackEvents)
        .where(and(inArray(feedbackEvents.orgId, orgIds), cardSignals, since ? gte(feedbackEvents.createdAt, since) : undefined))
        .orderBy(feedbackEvents.createdAt);
      return rows.filter((r): r is SignalRow => r.orgId !== null && r.cardId !== null).map((r) => ({ ...r, at: new Date(r.at) }));
    },

    /** How often each card was shown in suggestion lists. */
    async shownCounts(orgIds: string[], since?: Date): Promise<Map<string, number>> {
      if (orgIds.length === 0) return new Map();
      const rows = await db
        .select({ id: recommendations.itemId, n: sql<number>`count(*)::int` })
        .from(recommendations)
        .where(and(inArray(recommendations.orgId, orgIds), eq(recommendations.kind, "card"), since ? gte(recommendations.createdAt, since) : undefined))
        .groupBy(recommendations.itemId);
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },

    /** The newest feedback per organisation: the scheduler retrains where it is newer than the model. */
    async latestSignalPerOrg(): Promise<Map<string, Date>> {
      const rows = await db
        .select({ orgId: feedbackEvents.orgId, at: sql<string>`max(${feedbackEvents.createdAt})` })
        .from(feedbackEvents)
        .where(cardSignals)
        .groupBy(feedbackEvents.orgId);
      return new Map(rows.filter((r) => r.orgId).map((r) => [r.orgId!, new Date(r.at)]));
    },

    async latestModel(scope: "org" | "shared", orgId: string | null): Promise<ModelRow | undefined> {
      const rows = await db
        .select()
        .from(recommenderModels)
        .where(and(eq(recommenderModels.scope, scope), orgId ? eq(recommenderModels.orgId, orgId) : isNull(recommenderModels.orgId)))
        .orderBy(desc(recommenderModels.version))
        .limit(1);
      return rows[0];
    },

    async modelVersion(scope: "org" | "shared", orgId: string | null, version: number): Promise<ModelRow | undefined> {
      const rows = await db
        .select()
        .from(recommenderModels)
        .where(and(eq(recommenderModels.scope, scope), orgId ? eq(recommenderModels.orgId, orgId) : isNull(recommenderModels.orgId), eq(recommenderModels.version, version)))
        .limit(1);
      return rows[0];
    },

    async modelById(id: string): Promise<ModelRow | undefined> {
      const [row] = await db.select().from(recommenderModels).where(eq(recommenderModels.id, id)).limit(1);
      return row;
    },

    async listModels(orgId: string, limit = 50): Promise<ModelRow[]> {
      return db
        .select()
        .from(recommenderModels)
        .where(sql`${recommenderModels.orgId} = ${orgId} OR ${recommenderModels.scope} = 'shared'`)
        .orderBy(desc(recommenderModels.createdAt))
        .limit(limit);
    },

    async insertModel(values: typeof recommenderModels.$inferInsert): Promise<ModelRow> {
      const [row] = await db.insert(recommenderModels).values(values).returning();
      return row;
    },

    async insertRecommendations(rows: NewRecommendation[]): Promise<void> {
      if (rows.length) await db.insert(recommendations).values(rows);
    },

    async findRecommendation(id: string): Promise<RecommendationRow | undefined> {
      const rows = await db.select().from(recommendations).where(eq(recommendations.id, id)).limit(1);
      return rows[0];
    },

    /** Cards this person was shown lately: novelty takes something off them. */
    async recentlyShown(v: Viewer, since: Date, limit = 300): Promise<string[]> {
      const who = v.userId ? and(eq(recommendations.orgId, v.orgId), eq(recommendations.userId, v.userId)) : eq(recommendations.participantId, v.participantId ?? "");
      const rows = await db
        .select({ id: recommendations.itemId })
        .from(recommendations)
        .where(and(who, eq(recommendations.kind, "card"), gte(recommendations.createdAt, since)))
        .orderBy(desc(recommendations.createdAt))
        .limit(limit);
      return rows.map((r) => r.id);
    },

    /** Cards this person signalled positively lately: seeds for "kept alongside". */
    async recentPositives(v: Viewer, limit = 20): Promise<string[]> {
      const rows = await db
        .select({ id: cardOf })
        .from(feedbackEvents)
        .where(and(viewerWhere(v), cardSignals, inArray(feedbackEvents.signal, ["chosen", "kept", "resonant"])))
        .orderBy(desc(feedbackEvents.createdAt))
        .limit(limit);
      return [...new Set(rows.map((r) => r.id).filter((id): id is string => Boolean(id)))];
    },

    /** Cards this person said do not resonate: kept out of their suggestions. */
    async recentDismissed(v: Viewer, limit = 100): Promise<string[]> {
      const rows = await db
        .select({ id: cardOf })
        .from(feedbackEvents)
        .where(and(viewerWhere(v), cardSignals, eq(feedbackEvents.signal, "not-resonant")))
        .orderBy(desc(feedbackEvents.createdAt))
        .limit(limit);
      return [...new Set(rows.map((r) => r.id).filter((id): id is string => Boolean(id)))];
    },

    async seatOf(sessionId: string, userId: string): Promise<{ id: string; role: string } | undefined> {
      const rows = await db
        .select({ id: sessionParticipants.id, role: sessionParticipants.role })
        .from(sessionParticipants)
        .where(and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.userId, userId)))
        .limit(1);
      return rows[0];
    },

    async insertSignals(rows: (typeof feedbackEvents.$inferInsert)[]): Promise<void> {
      if (rows.length) await db.insert(feedbackEvents).values(rows);
    },

    /** Journeys the organisation can use, with helpful/not-helpful counts. */
    async journeysWithFeedback(orgId: string) {
      const result = await db.execute(sql`
        SELECT j.id, j.name, j.description, j.audience, j.phases,
          (SELECT count(*)::int FROM feedback_events f WHERE f.org_id = ${orgId}::uuid AND f.target_type = 'journey' AND f.target_id = j.id AND f.signal IN ('helpful','chosen','kept','resonant')) AS pos,
          (SELECT count(*)::int FROM feedback_events f WHERE f.org_id = ${orgId}::uuid AND f.target_type = 'journey' AND f.target_id = j.id AND f.signal IN ('not-helpful','swapped','not-resonant')) AS neg
        FROM journeys j
        WHERE (j.org_id IS NULL OR j.org_id = ${orgId}::uuid) AND j.archived_at IS NULL`);
      return rowsOf<{ id: string; name: string; description: string; audience: "one-to-one" | "group" | "solo" | "any"; phases: unknown[]; pos: number; neg: number }>(result);
    },
  };
}
export type RecsRepository = ReturnType<typeof recsRepository>;
