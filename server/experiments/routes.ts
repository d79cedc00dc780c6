import { z } from "zod";
import { IdParams } from "../../domain/api/common";
import { CreateExperimentInput, DriftReport, ExperimentView } from "../../domain/api/recs";
import type { AppContext } from "../context";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, type ZApp } from "../http/types";
import { experimentsFor } from "./service";

const tags = ["experiments"];

/** The experiments page: A/B tests with each arm's rate and interval, and the drift monitor. Admins only. */
export function experimentRoutes(app: ZApp, ctx: AppContext) {
  const experiments = experimentsFor(ctx);
  const access = { access: "experiments.manage" as const };

  app.get(
    "/api/experiments",
    { config: access, schema: { tags, summary: "Experiments of the organisation with each arm's figures", response: { 200: z.object({ items: z.array(ExperimentView) }), ...errorResponses } } },
    async (req) => ({ items: await experiments.list(requireOrgActor(req)) }),
  );
  app.post(
    "/api/experiments",
    {
      config: access,
      schema: {
        tags,
        summary: "Start an A/B test between recommender parameter sets or coach strategies",
        description: "One running experiment per target; a second is a 409 until the first is stopped. People are assigned by a hash of the experiment and their id, so the arm never changes.",
        body: CreateExperimentInput,
        response: { 201: ExperimentView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await experiments.create(requireOrgActor(req), req.body)),
  );
  app.get(
    "/api/experiments/drift",
    {
      config: access,
      schema: {
        tags,
        summary: "Weekly feedback signal mix and kept-card meaning, flagged when they shift",
        querystring: z.object({ weeks: z.coerce.number().int().min(2).max(52).default(8) }),
        response: { 200: DriftReport, ...errorResponses },
      },
    },
    async (req) => experiments.drift(requireOrgActor(req), req.query.weeks),
  );
  app.get(
    "/api/experiments/:id",
    { config: access, schema: { tags, summary: "One experiment: each arm's rate with a Wilson 95% interval", params: IdParams, response: { 200: ExperimentView, ...errorResponses } } },
    async (req) => experiments.get(requireOrgActor(req), req.params.id),
  );
  app.post(
    "/api/experiments/:id/stop",
    { config: access, schema: { tags, summary: "Stop an experiment now; its figures stay", params: IdParams, response: { 200: ExperimentView, ...errorResponses } } },
    async (req) => experiments.stop(requireOrgActor(req), req.params.id),
  );
}
