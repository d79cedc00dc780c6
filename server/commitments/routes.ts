import { z } from "zod";
import { Commitment, CommitmentStatus, CreateCommitmentInput, Notification, UpdateCommitmentInput } from "../../domain/api/coach";
import { IdParams } from "../../domain/api/common";
import type { AppContext } from "../context";
import { coachService, callerOf } from "../coach/service";
import { errorResponses, NoContent, type ZApp } from "../http/types";
import { startReminderJob } from "./reminders";
import { commitmentService } from "./service";

export function commitmentRoutes(app: ZApp, ctx: AppContext) {
  const commitments = commitmentService(ctx);
  const coach = coachService(ctx);
  const tags = ["commitments"];
  startReminderJob(ctx);

  app.get(
    "/api/commitments",
    { config: { access: "participant" }, schema: { tags, summary: "My commitments, soonest due first", querystring: z.object({ status: CommitmentStatus.optional() }), response: { 200: z.object({ items: z.array(Commitment) }), ...errorResponses } } },
    async (req) => ({ items: await commitments.list(callerOf(req.actor), req.query.status) }),
  );

  app.post(
    "/api/commitments",
    { config: { access: "participant" }, schema: { tags, summary: "Commit to a step, with an optional due date", body: CreateCommitmentInput, response: { 201: Commitment, ...errorResponses } } },
    async (req, reply) => {
      const caller = callerOf(req.actor);
      return reply.code(201).send(await commitments.createFor(caller, caller.kind === "user" ? caller.orgId : null, null, req.body));
    },
  );

  app.patch(
    "/api/commitments/:id",
    { config: { access: "participant" }, schema: { tags, summary: "Mark done or dropped, reschedule, or add a reflection", params: IdParams, body: UpdateCommitmentInput, response: { 200: Commitment, ...errorResponses } } },
    async (req) => commitments.update(callerOf(req.actor), req.params.id, req.body),
  );

  app.post(
    "/api/commitments/:id/reflect",
    { config: { access: "participant" }, schema: { tags, summary: "Open a coach conversation about how this step went", params: IdParams, response: { 201: z.object({ conversationId: z.uuid() }), ...errorResponses } } },
    async (req, reply) => {
      const caller = callerOf(req.actor);
      const row = await commitments.get(caller, req.params.id);
      const { id } = await coach.create(caller, { topic: `Following up on my step: ${row.text}`.slice(0, 300), sessionId: row.sessionId ?? undefined });
      await commitments.noteReflection(caller, req.params.id, id);
      return reply.code(201).send({ conversationId: id });
    },
  );

  app.get(
    "/api/notifications",
    { config: { access: "participant" }, schema: { tags: ["notifications"], summary: "My in-app notifications (reminders, alerts), newest first", querystring: z.object({ unread: z.enum(["true", "false"]).optional() }), response: { 200: z.object({ items: z.array(Notification) }), ...errorResponses } } },
    async (req) => ({ items: await commitments.notifications(callerOf(req.actor), req.query.unread === "true") }),
  );

  app.post(
    "/api/notifications/:id/read",
    { config: { access: "user" }, schema: { tags: ["notifications"], summary: "Mark a notification read", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await commitments.markRead(callerOf(req.actor), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
