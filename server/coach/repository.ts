import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { cards, coachConversations, coachMemories, coachMessages, journeys, notifications, orgs, sessionParticipants, sessions, users } from "../db/schema";

export type ConversationRow = typeof coachConversations.$inferSelect;
export type MessageRow = typeof coachMessages.$inferSelect;
export type MemoryRow = typeof coachMemories.$inferSelect;

/** Whose conversations a caller may see: a person's own in their organisation, or a guest's own in their session. */
export type Owner = { kind: "user"; userId: string; orgId: string } | { kind: "participant"; participantId: string; sessionId: string };

function ownedBy(owner: Owner) {
  return owner.kind === "user"
    ? and(eq(coachConversations.userId, owner.userId), eq(coachConversations.orgId, owner.orgId))
    : and(eq(coachConversations.participantId, owner.participantId), eq(coachConversations.sessionId, owner.sessionId));
}

export function coachRepository(db: Db) {
  return {
    async createConversation(values: typeof coachConversations.$inferInsert): Promise<ConversationRow> {
      const [row] = await db.insert(coachConversations).values(values).returning();
      return row;
    },
    async findConversation(owner: Owner, id: string): Promise<ConversationRow | undefined> {
      const rows = await db.select().from(coachConversations).where(and(eq(coachConversations.id, id), ownedBy(owner))).limit(1);
      return rows[0];
    },
    async listConversations(owner: Owner, limit = 100): Promise<ConversationRow[]> {
      return db.select().from(coachConversations).where(ownedBy(owner)).orderBy(desc(coachConversations.updatedAt)).limit(limit);
    },
    async messages(conversationId: string): Promise<MessageRow[]> {
      return db.select().from(coachMessages).where(eq(coachMessages.conversationId, conversationId)).orderBy(asc(coachMessages.createdAt), asc(coachMessages.role));
    },
    /** Stores the person's message and the coach's answer together, with the engine's new state. */
    async saveTurn(conversationId: string, user: { text: string; meta: Record<string, unknown> }, coach: { text: string; meta: Record<string, unknown> }, patch: { state: Record<string, unknown>; language: string }) {
      return db.transaction(async (tx) => {
        const now = Date.now();
        const [u] = await tx.insert(coachMessages).values({ conversationId, role: "user", text: user.text, meta: user.meta, createdAt: new Date(now) }).returning();
        const [c] = await tx.insert(coachMessages).values({ conversationId, role: "coach", text: coach.text, meta: coach.meta, createdAt: new Date(now + 1) }).returning();
        await tx.update(coachConversations).set({ state: patch.state, language: patch.language, updatedAt: new Date(now) }).where(eq(coachConversations.id, conversationId));
        return { user: u, coach: c };
      });
    },
    async setState(id: string, state: Record<string, unknown>) {
      await db.update(coachConversations).set({ state }).where(eq(coachConversations.id, id));
    },
    async setSummary(id: string, summary: Record<string, unknown> | null) {
      await db.update(coachConversations).set({ summary, updatedAt: new Date() }).where(eq(coachConversations.id, id));
    },

    /** Cards the organisation may use (its own and the studio's defaults), in the order asked. */
    async visibleCards(orgId: string, ids: string[]) {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: cards.id, word: cards.word, description: cards.description, prompts: cards.prompts, language: cards.language })
        .from(cards)
        .where(and(inArray(cards.id, ids), or(isNull(cards.orgId), eq(cards.orgId, orgId)), isNull(cards.archivedAt)));
      return ids.flatMap((id) => rows.filter((r) => r.id === id));
    },
    async visibleJourney(orgId: string, id: string) {
      const rows = await db
        .select({ id: journeys.id, phases: journeys.phases })
        .from(journeys)
        .where(and(eq(journeys.id, id), or(isNull(journeys.orgId), eq(journeys.orgId, orgId))))
        .limit(1);
      return rows[0];
    },
    async session(id: string) {
      const rows = await db.select({ id: sessions.id, orgId: sessions.orgId, journeyId: sessions.journeyId, createdBy: sessions.createdBy, title: sessions.title }).from(sessions).where(eq(sessions.id, id)).limit(1);
      return rows[0];
    },
    async participant(id: string, sessionId: string) {
      const rows = await db
        .select({ id: sessionParticipants.id, displayName: sessionParticipants.displayName, userId: sessionParticipants.userId })
        .from(sessionParticipants)
        .where(and(eq(sessionParticipants.id, id), eq(sessionParticipants.sessionId, sessionId)))
        .limit(1);
      return rows[0];
    },
    async facilitators(sessionId: string): Promise<string[]> {
      const rows = await db
        .select({ userId: sessionParticipants.userId })
        .from(sessionParticipants)
        .where(and(eq(sessionParticipants.sessionId, sessionId), inArray(sessionParticipants.role, ["facilitator", "cofacilitator"])));
      return rows.flatMap((r) => (r.userId ? [r.userId] : []));
    },
    async userName(id: string): Promise<string | undefined> {
      const rows = await db.select({ name: users.name }).from(users).where(eq(users.id, id)).limit(1);
      return rows[0]?.name;
    },
    async notify(userIds: string[], kind: string, payload: Record<string, unknown>) {
      if (userIds.length) await db.insert(notifications).values(userIds.map((userId) => ({ userId, kind, payload })));
    },

    async orgSettings(orgId: string): Promise<Record<string, unknown>> {
      const rows = await db.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
      return rows[0]?.settings ?? {};
    },
    /** Replaces one key of the organisation's settings, leaving the others as they are. */
    async setOrgSetting(orgId: string, key: string, value: unknown) {
      await db.transaction(async (tx) => {
        const rows = await tx.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
        const next = { ...(rows[0]?.settings ?? {}) } as Record<string, unknown>;
        if (value === undefined) delete next[key];
        else next[key] = value;
        await tx.update(orgs).set({ settings: next }).where(eq(orgs.id, orgId));
      });
    },

    async memories(userId: string): Promise<MemoryRow[]> {
      return db.select().from(coachMemories).where(eq(coachMemories.userId, userId)).orderBy(desc(coachMemories.createdAt));
    },
    async addMemories(rows: (typeof coachMemories.$inferInsert)[]): Promise<MemoryRow[]> {
      if (rows.length === 0) return [];
      return db.insert(coachMemories).values(rows).returning();
    },
    async deleteMemory(userId: string, id: string): Promise<boolean> {
      const rows = await db.delete(coachMemories).where(and(eq(coachMemories.id, id), eq(coachMemories.userId, userId))).returning({ id: coachMemories.id });
      return rows.length === 1;
    },
  };
}
export type CoachRepository = ReturnType<typeof coachRepository>;
