import QRCode from "qrcode";
import { z } from "zod";
import { IdParams } from "../../domain/api/common";
import { AddCofacilitatorInput, ClaimJournalInput, CreateSessionInput, JoinSessionInput, JoinSessionResult, JournalEntry, SessionRecord, SessionSummary } from "../../domain/api/sessions";
import type { AppContext } from "../context";
import { requireOrgActor, requireUser } from "../http/auth-hook";
import { errorResponses, requestOrigin, type ZApp } from "../http/types";
import { buildRecord } from "./record";
import { CardView } from "../cards/schemas";
import { sessionService } from "./service";
import { zoomService } from "../integrations/zoom/service";

export function sessionRoutes(app: ZApp, ctx: AppContext) {
  const sessions = sessionService(ctx, ctx.live);
  const tags = ["sessions"];

  // The session list shows ended sessions as ended: mark the row when the event is stored,
  // whichever way the command arrived.
  ctx.live.on("committed", (committed) => {
    const ended = committed.items.find((i) => i.message.type === "session.ended");
    if (ended) void sessions.repo.markEnded(committed.sessionId, new Date(ended.message.at)).catch((err) => ctx.log.warn({ err }, "could not mark the session ended"));
  });

  app.post(
    "/api/sessions",
    { config: { access: "sessions.run" }, schema: { tags, summary: "Create a live session from a journey", body: CreateSessionInput, response: { 201: SessionSummary, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await sessions.create(requireOrgActor(req), req.body, requestOrigin(req))),
  );

  app.get(
    "/api/sessions",
    { config: { access: "sessions.run" }, schema: { tags, summary: "Sessions of the organisation, newest first", response: { 200: z.object({ items: z.array(SessionSummary) }), ...errorResponses } } },
    async (req) => ({ items: await sessions.list(requireOrgActor(req), requestOrigin(req)) }),
  );

  app.get(
    "/api/sessions/:id",
    { config: { access: "sessions.run" }, schema: { tags, summary: "One session (its facilitators and admins)", params: IdParams, response: { 200: SessionSummary, ...errorResponses } } },
    async (req) => sessions.get(requireOrgActor(req), req.params.id, requestOrigin(req)),
  );

  app.get(
    "/api/sessions/:id/record",
    { config: { access: "sessions.run" }, schema: { tags, summary: "What happened: phases, cards, shared reflections, commitments", params: IdParams, response: { 200: SessionRecord, ...errorResponses } } },
    async (req) => {
      const actor = requireOrgActor(req);
      const summary = await sessions.get(actor, req.params.id, requestOrigin(req));
      return { session: summary, ...(await buildRecord(sessions.repo, req.params.id)), zoom: await zoomService(ctx).record(req.params.id, actor.orgId) };
    },
  );

  app.post(
    "/api/sessions/:id/cofacilitators",
    {
      config: { access: "sessions.run" },
      schema: { tags, summary: "Add a co-facilitator from the organisation", params: IdParams, body: AddCofacilitatorInput, response: { 201: z.object({ participantId: z.uuid() }), ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await sessions.addCofacilitator(requireOrgActor(req), req.params.id, req.body.userId)),
  );

  app.get(
    "/api/sessions/:id/qr.svg",
    { config: { access: "sessions.run" }, schema: { tags, summary: "QR code of the join link", params: IdParams, produces: ["image/svg+xml"] } },
    async (req, reply) => {
      const s = await sessions.get(requireOrgActor(req), req.params.id, requestOrigin(req));
      const svg = await QRCode.toString(s.joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return reply.type("image/svg+xml").header("cache-control", "private, max-age=3600").send(svg);
    },
  );

  app.get(
    "/api/sessions/:id/cards",
    {
      config: { access: "participant" },
      schema: { tags, summary: "Words and pictures of the cards this person can see in the session (guests included)", params: IdParams, response: { 200: z.object({ items: z.array(CardView) }), ...errorResponses } },
    },
    async (req) => ({ items: await sessions.visibleCards(req.actor!, req.params.id) }),
  );

  app.post(
    "/api/sessions/join",
    { config: { access: "public" }, schema: { tags, summary: "Join with a code and a display name; no account needed", body: JoinSessionInput, response: { 200: JoinSessionResult, ...errorResponses } } },
    async (req) => {
      const userId = req.actor?.kind === "user" ? req.actor.userId : null;
      return sessions.join(req.body, req.ip, userId);
    },
  );

  app.get(
    "/api/journal",
    { config: { access: "user" }, schema: { tags, summary: "My sessions: reflections, cards and commitments", response: { 200: z.object({ items: z.array(JournalEntry) }), ...errorResponses } } },
    async (req) => ({ items: await sessions.journal(requireUser(req).userId) }),
  );

  app.post(
    "/api/journal/claim",
    { config: { access: "user" }, schema: { tags, summary: "Keep a guest seat's journal in this account", body: ClaimJournalInput, response: { 200: z.object({ sessionId: z.uuid(), participantId: z.uuid() }), ...errorResponses } } },
    async (req) => sessions.claim(requireUser(req).userId, req.body.participantToken),
  );
}
