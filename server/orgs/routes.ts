import { z } from "zod";
import { IdParams } from "../../domain/api/common";
import {
  AcceptInvitationResult,
  CreateOrgInput,
  Invitation,
  InvitationPreview,
  InviteInput,
  Member,
  Org,
  TokenParams,
  UpdateMemberInput,
  UpdateOrgInput,
  UserIdParams,
} from "../../domain/api/orgs";
import { userRepository } from "../auth/repository";
import type { AppContext } from "../context";
import { unauthenticated } from "../errors";
import { requireOrgActor, requireUser } from "../http/auth-hook";
import { errorResponses, NoContent, requestOrigin, type ZApp } from "../http/types";
import { orgService } from "./service";

export function orgRoutes(app: ZApp, ctx: AppContext) {
  const orgs = orgService(ctx);
  const tags = ["organisations"];

  app.post(
    "/api/orgs",
    { config: { access: "user" }, schema: { tags, summary: "Create an organisation (you become its owner)", body: CreateOrgInput, response: { 201: Org, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await orgs.create(requireUser(req).userId, req.body.name)),
  );

  app.patch(
    "/api/orgs/current",
    { config: { access: "org.update" }, schema: { tags, summary: "Rename the current organisation", body: UpdateOrgInput, response: { 200: Org, ...errorResponses } } },
    async (req) => orgs.rename(requireOrgActor(req), req.body.name),
  );

  app.get(
    "/api/orgs/current/members",
    { config: { access: "members.list" }, schema: { tags, summary: "Members of the current organisation", response: { 200: z.object({ items: z.array(Member) }), ...errorResponses } } },
    async (req) => ({ items: await orgs.members(requireOrgActor(req)) }),
  );

  app.patch(
    "/api/orgs/current/members/:userId",
    { config: { access: "members.changeRole" }, schema: { tags, summary: "Change a member's role", params: UserIdParams, body: UpdateMemberInput, response: { 200: Member, ...errorResponses } } },
    async (req) => orgs.changeRole(requireOrgActor(req), req.params.userId, req.body.role),
  );

  app.delete(
    "/api/orgs/current/members/:userId",
    { config: { access: "members.remove" }, schema: { tags, summary: "Remove a member", params: UserIdParams, response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await orgs.removeMember(requireOrgActor(req), req.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/orgs/current/leave",
    { config: { access: "org.leave" }, schema: { tags, summary: "Leave the current organisation", response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      const actor = requireOrgActor(req);
      await orgs.removeMember(actor, actor.userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/orgs/current/invitations",
    { config: { access: "invitations.manage" }, schema: { tags, summary: "Pending invitations", response: { 200: z.object({ items: z.array(Invitation) }), ...errorResponses } } },
    async (req) => ({ items: await orgs.pendingInvitations(requireOrgActor(req)) }),
  );

  app.post(
    "/api/orgs/current/invitations",
    {
      config: { access: "invitations.manage" },
      schema: { tags, summary: "Invite someone by email with a role", body: InviteInput, response: { 201: z.object({ invitation: Invitation, link: z.string(), emailed: z.boolean() }), ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await orgs.invite(requireOrgActor(req), req.body, requestOrigin(req))),
  );

  app.delete(
    "/api/orgs/current/invitations/:id",
    { config: { access: "invitations.manage" }, schema: { tags, summary: "Withdraw an invitation", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await orgs.revokeInvitation(requireOrgActor(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/invitations/:token",
    { config: { access: "public" }, schema: { tags, summary: "What an invitation link offers", params: TokenParams, response: { 200: InvitationPreview, ...errorResponses } } },
    async (req) => orgs.previewInvitation(req.params.token),
  );

  app.post(
    "/api/invitations/:token/accept",
    { config: { access: "user" }, schema: { tags, summary: "Accept an invitation as the signed-in person", params: TokenParams, response: { 200: AcceptInvitationResult, ...errorResponses } } },
    async (req) => {
      const actor = requireUser(req);
      const user = await userRepository(ctx.database.db).findById(actor.userId);
      if (!user) throw unauthenticated("This account no longer exists.");
      return orgs.acceptInvitation(user.id, user.email, req.params.token);
    },
  );
}
