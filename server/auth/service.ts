import { randomUUID } from "node:crypto";
import type { LoginInput, RegisterInput } from "../../domain/api/auth";
import type { AppContext } from "../context";
import { conflict, forbidden, unauthenticated } from "../errors";
import { orgService } from "../orgs/service";
import { refreshTokenRepository, userRepository, type UserRow } from "./repository";
import { burnPasswordCheck, hashOpaqueToken, hashPassword, newOpaqueToken, verifyPassword } from "./tokens";

/** Two tabs refreshing at once present the same cookie; within this window that is not treated as theft. */
const REUSE_GRACE_MS = 10_000;

export function presentUser(u: UserRow) {
  return { id: u.id, email: u.email, name: u.name, createdAt: u.createdAt.toISOString() };
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export function authService(ctx: AppContext) {
  const users = userRepository(ctx.database.db);
  const refresh = refreshTokenRepository(ctx.database.db);
  const orgs = orgService(ctx);

  async function issue(userId: string, familyId: string = randomUUID()): Promise<IssuedTokens> {
    const refreshToken = newOpaqueToken();
    const refreshExpiresAt = new Date(Date.now() + ctx.config.refreshTokenTtlDays * 86_400_000);
    await refresh.insert({ userId, familyId, tokenHash: hashOpaqueToken(refreshToken), expiresAt: refreshExpiresAt });
    return { accessToken: await ctx.tokens.signAccess(userId), refreshToken, refreshExpiresAt };
  }

  return {
    async register(input: RegisterInput, ip: string) {
      await ctx.limits.consume("registerPerIp", ip);
      const invitation = input.invitationToken ? await orgs.usableInvitation(input.invitationToken) : null;
      if (invitation && invitation.inv.email.toLowerCase() !== input.email.toLowerCase()) {
        throw forbidden(`This invitation was sent to ${invitation.inv.email}. Sign up with that address to accept it.`);
      }
      const passwordHash = await hashPassword(input.password);
      if (await users.findByEmail(input.email)) {
        // Same wording whatever the reason, so the answer does not confirm who has an account.
        throw conflict("We could not create an account with these details. If you already have one, sign in instead.");
      }
      let user: UserRow;
      try {
        user = await users.create({
          email: input.email,
          name: input.name,
          passwordHash,
          personalOrgName: invitation ? undefined : `${input.name}'s studio`,
        });
      } catch (err) {
        if ((err as { code?: string }).code === "23505" || String((err as Error).message).includes("users_email_key")) {
          throw conflict("We could not create an account with these details. If you already have one, sign in instead.");
        }
        throw err;
      }
      if (input.invitationToken) await orgs.acceptInvitation(user.id, user.email, input.invitationToken);
      return { user: presentUser(user), tokens: await issue(user.id) };
    },

    async login(input: LoginInput, ip: string) {
      await ctx.limits.consume("loginPerIp", ip);
      const accountKey = input.email.toLowerCase();
      await ctx.limits.check("loginFailuresPerAccount", accountKey);
      const user = await users.findByEmail(input.email);
      const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
      if (!user || !ok) {
        await ctx.limits.consume("loginFailuresPerAccount", accountKey).catch(() => undefined);
        throw unauthenticated("The email or password is incorrect.");
      }
      await ctx.limits.reset("loginFailuresPerAccount", accountKey);
      return { user: presentUser(user), tokens: await issue(user.id) };
    },

    /** Rotates the refresh token; presenting an already-rotated one revokes its whole family. */
    async refresh(token: string | undefined) {
      if (!token) throw unauthenticated("You are signed out.");
      const row = await refresh.findByHash(hashOpaqueToken(token));
      const now = new Date();
      if (!row || row.revokedAt || row.expiresAt <= now) throw unauthenticated("You are signed out.");
      const first = !row.rotatedAt && (await refresh.markRotated(row.id, now));
      if (!first) {
        const rotatedAt = row.rotatedAt ?? now;
        if (now.getTime() - rotatedAt.getTime() > REUSE_GRACE_MS) {
          await refresh.revokeFamily(row.familyId, now);
          ctx.log.warn({ userId: row.userId }, "refresh token reused; signing out that device family");
          throw unauthenticated("You were signed out for your safety. Please sign in again.");
        }
      }
      const user = await users.findById(row.userId);
      if (!user) throw unauthenticated("You are signed out.");
      return issue(row.userId, row.familyId);
    },

    async logout(token: string | undefined) {
      if (!token) return;
      const row = await refresh.findByHash(hashOpaqueToken(token));
      if (row) await refresh.revokeFamily(row.familyId, new Date());
    },

    /** Signs out every other device, keeping the one the person is using. */
    async revokeOtherDevices(userId: string, currentToken: string | undefined) {
      const row = currentToken ? await refresh.findByHash(hashOpaqueToken(currentToken)) : undefined;
      await refresh.revokeAllForUser(userId, new Date(), row && row.userId === userId ? row.familyId : undefined);
    },
  };
}
