import { z } from "zod";
import { IdParams } from "../../domain/api/common";
import { JourneyInput } from "../../domain/content";
import { CopyInput, IncludeArchivedQuery } from "../cards/schemas";
import type { AppContext } from "../context";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, type ZApp } from "../http/types";
import { journeyService, JourneyView } from "./service";

export function journeyRoutes(app: ZApp, ctx: AppContext) {
  const journeys = journeyService(ctx);
  const tags = ["journeys"];
  const withImpossible = { 422: errorResponses[400], ...errorResponses };

  app.get(
    "/api/journeys",
    { config: { access: "content.read" }, schema: { tags, summary: "Journeys you can run: the studio's and your organisation's", querystring: IncludeArchivedQuery, response: { 200: z.object({ items: z.array(JourneyView) }), ...errorResponses } } },
    async (req) => ({ items: await journeys.list(requireOrgActor(req), req.query.includeArchived === "true") }),
  );
  app.get(
    "/api/journeys/:id",
    { config: { access: "content.read" }, schema: { tags, summary: "One journey with its phases and steps", params: IdParams, response: { 200: JourneyView, ...errorResponses } } },
    async (req) => journeys.get(requireOrgActor(req), req.params.id),
  );
  app.post(
    "/api/journeys",
    { config: { access: "content.write" }, schema: { tags, summary: "Create a journey for your organisation", body: JourneyInput, response: { 201: JourneyView, ...withImpossible } } },
    async (req, reply) => reply.code(201).send(await journeys.create(requireOrgActor(req), req.body)),
  );
  app.put(
    "/api/journeys/:id",
    { config: { access: "content.write" }, schema: { tags, summary: "Replace a journey's content", params: IdParams, body: JourneyInput, response: { 200: JourneyView, ...withImpossible } } },
    async (req) => journeys.replace(requireOrgActor(req), req.params.id, req.body),
  );
  app.post(
    "/api/journeys/:id/copy",
    { config: { access: "content.write" }, schema: { tags, summary: "Copy a journey (a default one too) into your organisation", params: IdParams, body: CopyInput.optional(), response: { 201: JourneyView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await journeys.copy(requireOrgActor(req), req.params.id, req.body?.name)),
  );
  for (const [action, archived] of [["archive", true], ["restore", false]] as const) {
    app.post(
      `/api/journeys/:id/${action}`,
      { config: { access: "content.write" }, schema: { tags, summary: archived ? "Archive a journey (hidden, can be restored)" : "Restore an archived journey", params: IdParams, response: { 200: JourneyView, ...errorResponses } } },
      async (req) => journeys.setArchived(requireOrgActor(req), req.params.id, archived),
    );
  }
}
