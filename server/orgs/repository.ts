import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { ROLE_RANK, type Role } from "../../domain/api/common";
import type { Db } from "../db/client";
import { invitations, memberships, orgs, users } from "../db/schema";

export type InvitationRow = typeof invitations.$inferSelect;

export function orgRepository(db: Db) {
  return {
    async create(name: string, ownerId: string) {
      return db.transaction(async (tx) => {
        const [org] = await tx.insert(orgs).values({ name }).returning();
        await tx.insert(memberships).values({ orgId: org.id, userId: ownerId, role: "owner" });
        return org;
      });
    },
    async findById(orgId: string) {
      const rows = await db.select().from(orgs).where(eq(orgs.id, orgId)).limit(1);
      return rows[0];
    },
    async rename(orgId: string, name: string) {
      const [row] = await db.update(orgs).set({ name }).where(eq(orgs.id, orgId)).returning();
      return row;
    },
    async members(orgId: string) {
      return db
        .select({ id: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.orgId, orgId))
        .orderBy(asc(memberships.createdAt));
    },
    async membership(orgId: string, userId: string) {
      const rows = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
        .limit(1);
      return rows[0];
    },
    async setRole(orgId: string, userId: string, role: Role) {
      await db.update(memberships).set({ role }).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    },
    async removeMember(orgId: string, userId: string) {
      await db.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    },
    async countOwners(orgId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
      return Number(row?.n ?? 0);
    },
    /** For account deletion: organisations where this user is the only owner, with their member counts. */
    async soleOwnerships(userId: string) {
      const rows = await db.execute<{ org_id: string; members: number }>(sql`
        SELECT m.org_id, (SELECT count(*)::int FROM memberships x WHERE x.org_id = m.org_id) AS members
        FROM memberships m
        WHERE m.user_id = ${userId} AND m.role = 'owner'
          AND (SELECT count(*) FROM memberships o WHERE o.org_id = m.org_id AND o.role = 'owner') = 1`);
      const list = (Array.isArray(rows) ? rows : (rows as { rows: { org_id: string; members: number }[] }).rows) as { org_id: string; members: number }[];
      return list.map((r) => ({ orgId: r.org_id, members: Number(r.members) }));
    },
    async deleteOrg(orgId: string) {
      await db.delete(orgs).where(eq(orgs.id, orgId));
    },

    async createInvitation(row: { orgId: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date }) {
      const [inv] = await db.insert(invitations).values(row).returning();
      return inv;
    },
    async pendingInvitations(orgId: string, now: Date) {
      return db
        .select({ inv: invitations, inviterName: users.name })
        .from(invitations)
        .leftJoin(users, eq(users.id, invitations.invitedBy))
        .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
        .orderBy(asc(invitations.createdAt));
    },
    async invitationByTokenHash(tokenHash: string) {
      const rows = await db
        .select({ inv: invitations, orgName: orgs.name, inviterName: users.name })
        .from(invitations)
        .innerJoin(orgs, eq(orgs.id, invitations.orgId))
        .leftJoin(users, eq(users.id, invitations.invitedBy))
        .where(eq(invitations.tokenHash, tokenHash))
        .limit(1);
      return rows[0];
    },
    async revokeInvitation(orgId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ revokedAt: at })
        .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id });
      return rows.length === 1;
    },
    /** Accepting is one transaction: the invitation is used once, and the membership keeps the higher role. */
    async acceptInvitation(invitationId: string, userId: string, at: Date): Promise<{ orgId: string; role: Role } | null> {
      return db.transaction(async (tx) => {
        const used = await tx
          .update(invitations)
          .set({ acceptedAt: at })
          .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
          .returning();
        const inv = used[0];
        if (!inv) return null;
        const existing = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.orgId, inv.orgId), eq(memberships.userId, userId)))
          .limit(1);
        if (!existing[0]) {
          await tx.insert(memberships).values({ orgId: inv.orgId, userId, role: inv.role });
          return { orgId: inv.orgId, role: inv.role };
        }
        if (ROLE_RANK[inv.role] > ROLE_RANK[existing[0].role]) {
          await tx.update(memberships).set({ role: inv.role }).where(and(eq(memberships.orgId, inv.orgId), eq(memberships.userId, userId)));
          return { orgId: inv.orgId, role: inv.role };
        }
        return { orgId: inv.orgId, role: existing[0].role };
      });
    },
  };
}
export type OrgRepository = ReturnType<typeof orgRepository>;
