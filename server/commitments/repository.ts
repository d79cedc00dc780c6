import { and, asc, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { commitments, notifications, sessionParticipants, users } from "../db/schema";

export type CommitmentRow = typeof commitments.$inferSelect;
export type FollowUp = CommitmentRow["followUps"][number];

export type CommitmentOwner = { kind: "user"; userId: string; orgId: string } | { kind: "participant"; participantId: string; sessionId: string };

function ownedBy(owner: CommitmentOwner) {
  return owner.kind === "user"
    ? and(eq(commitments.userId, owner.userId), eq(commitments.orgId, owner.orgId))
    : and(eq(commitments.participantId, owner.participantId), eq(commitments.sessionId, owner.sessionId));
}

export function commitmentRepository(db: Db) {
  return {
    async list(owner: CommitmentOwner, status?: CommitmentRow["status"]): Promise<CommitmentRow[]> {
      return db
        .select()
        .from(commitments)
        .where(status ? and(ownedBy(owner), eq(commitments.status, status)) : ownedBy(owner))
        .orderBy(sql`${commitments.dueAt} IS NULL`, asc(commitments.dueAt), desc(commitments.createdAt))
        .limit(500);
    },
    async find(owner: CommitmentOwner, id: string): Promise<CommitmentRow | undefined> {
      const rows = await db.select().from(commitments).where(and(eq(commitments.id, id), ownedBy(owner))).limit(1);
      return rows[0];
    },
    async insert(values: typeof commitments.$inferInsert): Promise<CommitmentRow> {
      const [row] = await db.insert(commitments).values(values).returning();
      return row;
    },
    async update(id: string, patch: Partial<Pick<CommitmentRow, "status" | "dueAt" | "remindedAt" | "completedAt" | "followUps">>): Promise<CommitmentRow> {
      const [row] = await db.update(commitments).set(patch).where(eq(commitments.id, id)).returning();
      return row;
    },
    /**
     * Marks due, open, not-yet-reminded commitments as reminded and returns them. The update is
     * the claim: with several nodes, each commitment is reminded by exactly one.
     */
    async claimDue(now: Date, limit = 200) {
      const due = db
        .select({ id: commitments.id })
        .from(commitments)
        .where(and(eq(commitments.status, "open"), lte(commitments.dueAt, now), isNull(commitments.remindedAt)))
        .limit(limit);
      return db
        .update(commitments)
        .set({ remindedAt: now })
        .where(and(sql`${commitments.id} IN ${due}`, isNull(commitments.remindedAt)))
        .returning();
    },
    /** Whom to remind: the account that made it, or the account a guest later linked. */
    async recipient(row: CommitmentRow): Promise<{ userId: string; email: string; name: string } | undefined> {
      let userId = row.userId;
      if (!userId && row.participantId) {
        const p = await db.select({ userId: sessionParticipants.userId }).from(sessionParticipants).where(eq(sessionParticipants.id, row.participantId)).limit(1);
        userId = p[0]?.userId ?? null;
      }
      if (!userId) return undefined;
      const u = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
      return u[0] ? { userId: u[0].id, email: u[0].email, name: u[0].name } : undefined;
    },
    async notify(userId: string, kind: string, payload: Record<string, unknown>) {
      await db.insert(notifications).values({ userId, kind, payload });
    },
    async notifications(userId: string, unreadOnly: boolean) {
      return db
        .select()
        .from(notifications)
        .where(unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt))
        .limit(200);
    },
    async markRead(userId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning({ id: notifications.id });
      return rows.length === 1;
    },
  };
}
export type CommitmentRepository = ReturnType<typeof commitmentRepository>;
