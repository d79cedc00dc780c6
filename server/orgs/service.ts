import type { Role } from "../../domain/api/common";
import type { AppContext } from "../context";
import { conflict, forbidden, notFound, unprocessable } from "../errors";
import { hashOpaqueToken, newOpaqueToken } from "../auth/tokens";
import { hasRole, type Actor } from "../policies";
import { orgRepository, type InvitationRow } from "./repository";

const INVITATION_DAYS = 14;

export function presentInvitation(inv: InvitationRow, inviterName: string | null) {
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    createdAt: inv.createdAt.toISOString(),
    expiresAt: inv.expiresAt.toISOString(),
    invitedBy: inv.invitedBy && inviterName ? { id: inv.invitedBy, name: inviterName } : null,
  };
}

type OrgActor = Actor & { orgId: string; role: Role };

export function orgService(ctx: AppContext) {
  const repo = orgRepository(ctx.database.db);

  function publicOrigin(requestOrigin: string): string {
    return ctx.config.publicUrl ?? requestOrigin;
  }

  /** A usable invitation for this token, or a 404 that does not say why (expired, used, revoked, unknown). */
  async function usableInvitation(token: string) {
    const found = await repo.invitationByTokenHash(hashOpaqueToken(token));
    if (!found || found.inv.acceptedAt || found.inv.revokedAt || found.inv.expiresAt <= new Date()) {
      throw notFound("This invitation");
    }
    return found;
  }

  return {
    async create(userId: string, name: string) {
      const org = await repo.create(name, userId);
      await ctx.principals.invalidateUser(userId);
      return { id: org.id, name: org.name, createdAt: org.createdAt.toISOString() };
    },

    async rename(actor: OrgActor, name: string) {
      const org = await repo.rename(actor.orgId, name);
      if (!org) throw notFound("The organisation");
      await ctx.principals.invalidateOrg(actor.orgId);
      return { id: org.id, name: org.name, createdAt: org.createdAt.toISOString() };
    },

    async members(actor: OrgActor) {
      const rows = await repo.members(actor.orgId);
      return rows.map((r) => ({ user: { id: r.id, name: r.name, email: r.email }, role: r.role, joinedAt: r.joinedAt.toISOString() }));
    },

    async changeRole(actor: OrgActor, userId: string, role: Role) {
      const target = await repo.membership(actor.orgId, userId);
      if (!target) throw notFound("That member");
      if (target.role === "owner" && role !== "owner" && (await repo.countOwners(actor.orgId)) <= 1) {
        throw conflict("An organisation needs at least one owner. Make someone else an owner first.");
      }
      await repo.setRole(actor.orgId, userId, role);
      await ctx.principals.invalidateUser(userId);
      const member = (await repo.members(actor.orgId)).find((m) => m.id === userId)!;
      return { user: { id: member.id, name: member.name, email: member.email }, role: member.role, joinedAt: member.joinedAt.toISOString() };
    },

    async removeMember(actor: OrgActor, userId: string) {
      const self = userId === actor.userId;
      const target = await repo.membership(actor.orgId, userId);
      if (!target) throw notFound("That member");
      if (target.role === "owner" && (await repo.countOwners(actor.orgId)) <= 1) {
        throw conflict(self ? "You are the only owner. Make someone else an owner before you leave." : "An organisation needs at least one owner.");
      }
      await repo.removeMember(actor.orgId, userId);
      await ctx.principals.invalidateUser(userId);
    },

    async invite(actor: OrgActor, input: { email: string; role: Role }, requestOrigin: string) {
      if (input.role === "admin" && !hasRole(actor.role, "admin")) throw forbidden();
      const existing = (await repo.members(actor.orgId)).find((m) => m.email.toLowerCase() === input.email.toLowerCase());
      if (existing) throw conflict("This person is already a member of the organisation.");
      const token = newOpaqueToken();
      const inv = await repo.createInvitation({
        orgId: actor.orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashOpaqueToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      const link = `${publicOrigin(requestOrigin)}/invite/${token}`;
      const org = await repo.findById(actor.orgId);
      const inviter = (await repo.members(actor.orgId)).find((m) => m.id === actor.userId);
      const emailed = await ctx.mailer.send({
        to: input.email,
        subject: `You are invited to ${org?.name ?? "an organisation"} on Points of You AI Studio`,
        text: `${inviter?.name ?? "Someone"} invited you to join ${org?.name ?? "their organisation"} as ${input.role}.\n\nOpen this link to accept (valid for ${INVITATION_DAYS} days):\n${link}\n`,
      });
      return { invitation: presentInvitation(inv, inviter?.name ?? null), link, emailed };
    },

    async pendingInvitations(actor: OrgActor) {
      const rows = await repo.pendingInvitations(actor.orgId, new Date());
      return rows.map((r) => presentInvitation(r.inv, r.inviterName));
    },

    async revokeInvitation(actor: OrgActor, id: string) {
      if (!(await repo.revokeInvitation(actor.orgId, id, new Date()))) throw notFound("That invitation");
    },

    async previewInvitation(token: string) {
      const { inv, orgName, inviterName } = await usableInvitation(token);
      return { org: { id: inv.orgId, name: orgName }, email: inv.email, role: inv.role, invitedBy: inviterName, expiresAt: inv.expiresAt.toISOString() };
    },

    usableInvitation,

    async acceptInvitation(userId: string, userEmail: string, token: string) {
      const { inv, orgName } = await usableInvitation(token);
      if (inv.email.toLowerCase() !== userEmail.toLowerCase()) {
        throw forbidden(`This invitation was sent to ${inv.email}. Sign in with that address to accept it.`);
      }
      const result = await repo.acceptInvitation(inv.id, userId, new Date());
      if (!result) throw unprocessable("This invitation has just been used or withdrawn.");
      await ctx.principals.invalidateUser(userId);
      return { org: { id: result.orgId, name: orgName }, role: result.role };
    },
  };
}
export type OrgService = ReturnType<typeof orgService>;
