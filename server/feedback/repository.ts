import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { cards, coachConversations, coachMessages, feedbackEvents, journeys, sessions } from "../db/schema";

export function feedbackRepository(db: Db) {
  return {
    async cardVisible(orgId: string, id: string): Promise<boolean> {
      const rows = await db.select({ id: cards.id }).from(cards).where(and(eq(cards.id, id), or(isNull(cards.orgId), eq(cards.orgId, orgId)))).limit(1);
      return rows.length === 1;
    },
    async journeyVisible(orgId: string, id: string): Promise<boolean> {
      const rows = await db.select({ id: journeys.id }).from(journeys).where(and(eq(journeys.id, id), or(isNull(journeys.orgId), eq(journeys.orgId, orgId)))).limit(1);
      return rows.length === 1;
    },
    /** A coach turn in one of the caller's own conversations. */
    async coachMessageOf(owner: { userId: string; orgId: string } | { participantId: string; sessionId: string }, id: string) {
      const own =
        "userId" in owner
          ? and(eq(coachConversations.userId, owner.userId), eq(coachConversations.orgId, owner.orgId))
          : and(eq(coachConversations.participantId, owner.participantId), eq(coachConversations.sessionId, owner.sessionId));
      const rows = await db
        .select({ id: coachMessages.id, conversationId: coachMessages.conversationId, meta: coachMessages.meta })
        .from(coachMessages)
        .innerJoin(coachConversations, eq(coachConversations.id, coachMessages.conversationId))
        .where(and(eq(coachMessages.id, id), eq(coachMessages.role, "coach"), own))
        .limit(1);
      return rows[0];
    },
    async sessionOrg(sessionId: string): Promise<string | undefined> {
      const rows = await db.select({ orgId: sessions.orgId }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
      return rows[0]?.orgId;
    },
    async insert(values: typeof feedbackEvents.$inferInsert) {
      await db.insert(feedbackEvents).values(values);
    },
  };
}
