import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { SessionState } from "../../domain/session";
import type { Db } from "../db/client";
import { cards, commitments, decks, journeys, sessionCommands, sessionEvents, sessionParticipants, sessions } from "../db/schema";

export type SessionRow = typeof sessions.$inferSelect;
export type ParticipantRow = typeof sessionParticipants.$inferSelect;
export type EventRow = typeof sessionEvents.$inferSelect;

export interface NewEvent {
  seq: number;
  type: string;
  payload: unknown;
  actorId: string | null;
  at: Date;
}

export function sessionRepository(db: Db) {
  return {
    async create(row: typeof sessions.$inferInsert, facilitator: typeof sessionParticipants.$inferInsert) {
      return db.transaction(async (tx) => {
        const [s] = await tx.insert(sessions).values(row).returning();
        await tx.insert(sessionParticipants).values(facilitator);
        return s;
      });
    },
    async byId(id: string) {
      return (await db.select().from(sessions).where(eq(sessions.id, id)).limit(1))[0];
    },
    async byJoinCode(code: string) {
      return (await db.select().from(sessions).where(eq(sessions.joinCode, code)).limit(1))[0];
    },
    async listForOrg(orgId: string, limit = 100) {
      return db.select().from(sessions).where(eq(sessions.orgId, orgId)).orderBy(desc(sessions.createdAt)).limit(limit);
    },
    async participantCounts(sessionIds: string[]) {
      if (sessionIds.length === 0) return new Map<string, number>();
      const rows = await db
        .select({ sessionId: sessionParticipants.sessionId, n: sql<number>`count(*)::int` })
        .from(sessionParticipants)
        .where(and(inArray(sessionParticipants.sessionId, sessionIds), eq(sessionParticipants.role, "participant")))
        .groupBy(sessionParticipants.sessionId);
      return new Map(rows.map((r) => [r.sessionId, Number(r.n)]));
    },
    async markEnded(id: string, at: Date) {
      await db.update(sessions).set({ status: "ended", endedAt: at }).where(eq(sessions.id, id));
    },
    async markLive(id: string) {
      await db.update(sessions).set({ status: "live" }).where(and(eq(sessions.id, id), eq(sessions.status, "scheduled")));
    },

    async addParticipant(row: typeof sessionParticipants.$inferInsert) {
      const [p] = await db.insert(sessionParticipants).values(row).returning();
      return p;
    },
    async participant(id: string) {
      return (await db.select().from(sessionParticipants).where(eq(sessionParticipants.id, id)).limit(1))[0];
    },
    async participantOfUser(sessionId: string, userId: string) {
      const rows = await db
        .select()
        .from(sessionParticipants)
        .where(and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.userId, userId)))
        .orderBy(asc(sessionParticipants.createdAt))
        .limit(5);
      // A facilitator seat wins over a participant seat the same person may also hold.
      return rows.find((r) => r.role !== "participant") ?? rows[0];
    },
    async participants(sessionId: string) {
      return db.select().from(sessionParticipants).where(eq(sessionParticipants.sessionId, sessionId)).orderBy(asc(sessionParticipants.createdAt));
    },
    async claimParticipant(participantId: string, userId: string) {
      await db.update(sessionParticipants).set({ userId }).where(and(eq(sessionParticipants.id, participantId), isNull(sessionParticipants.userId)));
      await db.update(commitments).set({ userId }).where(and(eq(commitments.participantId, participantId), isNull(commitments.userId)));
    },
    async participationsOfUser(userId: string) {
      return db
        .select({ p: sessionParticipants, s: sessions })
        .from(sessionParticipants)
        .innerJoin(sessions, eq(sessions.id, sessionParticipants.sessionId))
        .where(eq(sessionParticipants.userId, userId))
        .orderBy(desc(sessions.createdAt))
        .limit(200);
    },
    async commitmentsOfParticipants(participantIds: string[]) {
      if (participantIds.length === 0) return [];
      return db.select().from(commitments).where(inArray(commitments.participantId, participantIds));
    },

    async eventsAfter(sessionId: string, seq: number, limit = 100_000) {
      return db
        .select()
        .from(sessionEvents)
        .where(and(eq(sessionEvents.sessionId, sessionId), gt(sessionEvents.seq, seq)))
        .orderBy(asc(sessionEvents.seq))
        .limit(limit);
    },

    /** Card ids of a deck the session's organisation may use, in deck order. */
    async deckCardIds(deckId: string, orgId: string): Promise<string[] | undefined> {
      const deck = (await db.select({ id: decks.id }).from(decks).where(and(eq(decks.id, deckId), isNull(decks.archivedAt), or(isNull(decks.orgId), eq(decks.orgId, orgId)))).limit(1))[0];
      if (!deck) return undefined;
      const rows = await db.select({ id: cards.id }).from(cards).where(and(eq(cards.deckId, deckId), isNull(cards.archivedAt))).orderBy(asc(cards.position), asc(cards.createdAt));
      return rows.map((r) => r.id);
    },
    async cardWords(ids: string[]) {
      if (ids.length === 0) return new Map<string, { word: string; imageUrl: string | null }>();
      const rows = await db.select({ id: cards.id, word: cards.word, imageUrl: cards.imageUrl }).from(cards).where(inArray(cards.id, ids));
      return new Map(rows.map((r) => [r.id, { word: r.word, imageUrl: r.imageUrl }]));
    },
    async cardRows(ids: string[]) {
      if (ids.length === 0) return [];
      return db.select().from(cards).where(inArray(cards.id, ids));
    },
    async journeyFor(journeyId: string, orgId: string) {
      return (await db.select().from(journeys).where(and(eq(journeys.id, journeyId), isNull(journeys.archivedAt), or(isNull(journeys.orgId), eq(journeys.orgId, orgId)))).limit(1))[0];
    },

    /**
     * Appends under the session row's lock, so nodes sharing one PostgreSQL agree on the order.
     * `decide` sees the events it has not applied yet and returns what to append.
     */
    async appendLocked<T>(
      sessionId: string,
      knownSeq: number,
      commandId: string | undefined,
      decide: (missed: EventRow[], head: number) => { events: Omit<NewEvent, "seq">[]; result: T; snapshot?: (seq: number) => SessionState | null; commitments?: (typeof commitments.$inferInsert)[] } | { reject: T },
    ): Promise<{ duplicateSeq: number } | { result: T; appended: NewEvent[] } | { rejected: T }> {
      return db.transaction(async (tx) => {
        const head = (await tx.execute<{ last_seq: number }>(sql`SELECT last_seq FROM sessions WHERE id = ${sessionId} FOR UPDATE`)) as unknown as { rows: { last_seq: number }[] };
        const headSeq = Number(head.rows[0]?.last_seq ?? 0);
        if (commandId) {
          const dup = await tx.select({ seq: sessionCommands.seq }).from(sessionCommands).where(and(eq(sessionCommands.sessionId, sessionId), eq(sessionCommands.commandId, commandId))).limit(1);
          if (dup[0]) return { duplicateSeq: dup[0].seq };
        }
        const missed = headSeq > knownSeq ? await tx.select().from(sessionEvents).where(and(eq(sessionEvents.sessionId, sessionId), gt(sessionEvents.seq, knownSeq))).orderBy(asc(sessionEvents.seq)) : [];
        const decision = decide(missed, headSeq);
        if ("reject" in decision) return { rejected: decision.reject };
        const appended = decision.events.map((e, i) => ({ ...e, seq: headSeq + i + 1 }));
        if (appended.length === 0) return { result: decision.result, appended };
        await tx.insert(sessionEvents).values(appended.map((e) => ({ sessionId, seq: e.seq, type: e.type, payload: e.payload as object, actorId: e.actorId, at: e.at })));
        const last = appended[appended.length - 1].seq;
        const snapshot = decision.snapshot?.(last);
        await tx
          .update(sessions)
          .set(snapshot ? { lastSeq: last, snapshot, snapshotSeq: last } : { lastSeq: last })
          .where(eq(sessions.id, sessionId));
        if (commandId) await tx.insert(sessionCommands).values({ sessionId, commandId, seq: last });
        if (decision.commitments?.length) await tx.insert(commitments).values(decision.commitments);
        return { result: decision.result, appended };
      });
    },
  };
}
export type SessionRepository = ReturnType<typeof sessionRepository>;
