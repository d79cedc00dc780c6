import type { UpdateProfileInput } from "../../domain/api/auth";
import type { AppContext } from "../context";
import { conflict, forbidden, unauthenticated } from "../errors";
import { presentUser } from "../auth/service";
import { refreshTokenRepository, userRepository } from "../auth/repository";
import { hashOpaqueToken, hashPassword, verifyPassword } from "../auth/tokens";
import { orgRepository } from "../orgs/repository";

export function userService(ctx: AppContext) {
  const users = userRepository(ctx.database.db);
  const orgs = orgRepository(ctx.database.db);
  const refresh = refreshTokenRepository(ctx.database.db);

  async function load(userId: string) {
    const user = await users.findById(userId);
    if (!user) throw unauthenticated("This account no longer exists.");
    return user;
  }

  return {
    async me(userId: string) {
      const principal = await ctx.principals.get(userId);
      if (!principal) throw unauthenticated("This account no longer exists.");
      return principal;
    },

    async update(userId: string, input: UpdateProfileInput, currentRefreshToken: string | undefined) {
      const user = await load(userId);
      const sensitive = (input.email !== undefined && input.email.toLowerCase() !== user.email.toLowerCase()) || input.newPassword !== undefined;
      if (sensitive) {
        if (!input.currentPassword || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
          throw forbidden("Your current password is not correct.");
        }
      }
      if (input.email !== undefined && input.email.toLowerCase() !== user.email.toLowerCase()) {
        const other = await users.findByEmail(input.email);
        if (other && other.id !== userId) throw conflict("That email address cannot be used. Choose another.");
      }
      const updated = await users.update(userId, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.newPassword !== undefined ? { passwordHash: await hashPassword(input.newPassword) } : {}),
      });
      if (input.newPassword !== undefined) {
        // A new password signs out every other device, keeping this one.
        const current = currentRefreshToken ? await refresh.findByHash(hashOpaqueToken(currentRefreshToken)) : undefined;
        await refresh.revokeAllForUser(userId, new Date(), current?.userId === userId ? current.familyId : undefined);
      }
      await ctx.principals.invalidateUser(userId);
      return { user: presentUser(updated!) };
    },

    /** Deletes the person and everything that is only theirs; shared organisations keep their other members. */
    async deleteAccount(userId: string, password: string) {
      const user = await load(userId);
      if (!(await verifyPassword(user.passwordHash, password))) throw forbidden("Your password is not correct.");
      const sole = await orgs.soleOwnerships(userId);
      const shared = sole.filter((o) => o.members > 1);
      if (shared.length) {
        throw conflict("You are the only owner of an organisation with other members. Make someone else an owner first.", { orgIds: shared.map((o) => o.orgId) });
      }
      for (const o of sole) await orgs.deleteOrg(o.orgId);
      await users.delete(userId);
      await ctx.principals.invalidateUser(userId);
      for (const o of sole) await ctx.principals.invalidateOrg(o.orgId);
    },
  };
}
