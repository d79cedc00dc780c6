import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { memberships, orgs, refreshTokens, users } from "../db/schema";

export type UserRow = typeof users.$inferSelect;

export function userRepository(db: Db) {
  return {
    async findByEmail(email: string): Promise<UserRow | undefined> {
      const rows = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
      return rows[0];
    },
    async findById(id: string): Promise<UserRow | undefined> {
      const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0];
    },
    /** Creates the user and, in the same transaction, either a personal organisation or nothing. */
    async create(input: { email: string; name: string; passwordHash: string; personalOrgName?: string }): Promise<UserRow> {
      return db.transaction(async (tx) => {
        const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash: input.passwordHash }).returning();
        if (input.personalOrgName) {
          const [org] = await tx.insert(orgs).values({ name: input.personalOrgName }).returning();
          await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: "owner" });
        }
        return user;
      });
    },
    async update(id: string, patch: Partial<Pick<UserRow, "name" | "email" | "passwordHash">>): Promise<UserRow | undefined> {
      const [row] = await db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row;
    },
    async delete(id: string): Promise<void> {
      await db.delete(users).where(eq(users.id, id));
    },
  };
}

export type RefreshRow = typeof refreshTokens.$inferSelect;

export function refreshTokenRepository(db: Db) {
  return {
    async insert(row: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
      await db.insert(refreshTokens).values(row);
    },
    async findByHash(tokenHash: string): Promise<RefreshRow | undefined> {
      const rows = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
      return rows[0];
    },
    /** Marks a token used; returns false if another request rotated it first. */
    async markRotated(id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(refreshTokens)
        .set({ rotatedAt: at })
        .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt)))
        .returning({ id: refreshTokens.id });
      return rows.length === 1;
    },
    async revokeFamily(familyId: string, at: Date): Promise<void> {
      await db.update(refreshTokens).set({ revokedAt: at }).where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
    },
    async revokeAllForUser(userId: string, at: Date, exceptFamily?: string): Promise<void> {
      const cond = exceptFamily
        ? and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt), ne(refreshTokens.familyId, exceptFamily))
        : and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt));
      await db.update(refreshTokens).set({ revokedAt: at }).where(cond);
    },
    async purgeExpired(before: Date): Promise<void> {
      await db.delete(refreshTokens).where(sql`${refreshTokens.expiresAt} < ${before}`);
    },
  };
}
