import { z } from "zod";
import { CardRecommendations, CardRecommendationsQuery, JourneyRecommendations, JourneyRecommendationsQuery, ModelRef, RecommenderModelView } from "../../domain/api/recs";
import type { AppContext } from "../context";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, type ZApp } from "../http/types";
import { forbidden } from "../errors";
import { recommendJourneys } from "./journeys";
import { connectRecs, recsFor } from "./runtime";
import { recsService } from "./service";

const tags = ["recommendations"];

export function recsRoutes(app: ZApp, ctx: AppContext) {
  const recs = recsFor(ctx);
  connectRecs(ctx, recs);
  void recs.jobs.start().catch((err: unknown) => ctx.log.warn({ err: String(err) }, "could not start the recommender's retraining schedule"));
  ctx.onClose(() => recs.jobs.stop());
  const service = recsService(ctx, recs);

  app.get(
    "/api/recommendations/cards",
    {
      config: { access: "participant" },
      schema: {
        tags,
        summary: "Cards for the person and the moment, each with a reason",
        description:
          "Uses the topic, the session's phase and the caller's own reflections (facilitators: also what the group shared). A session guest's suggestions use only their own words. When the facilitator has turned suggestions off, the list is empty with a note. Give feedback on an item with targetType \"recommendation\" and its recommendationId.",
        querystring: CardRecommendationsQuery,
        response: { 200: CardRecommendations, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.actor) throw forbidden();
      return service.recommendCards(req.actor, req.query);
    },
  );

  app.get(
    "/api/recommendations/journeys",
    {
      config: { access: "content.read" },
      schema: { tags, summary: "Journeys that fit a goal sentence", querystring: JourneyRecommendationsQuery, response: { 200: JourneyRecommendations, ...errorResponses } },
    },
    async (req) => recommendJourneys(recs, requireOrgActor(req), req.query.goal, req.query.limit),
  );

  app.get(
    "/api/recommendations/models",
    {
      config: { access: "experiments.manage" },
      schema: { tags, summary: "Trained recommender versions with parameters, training window and offline metrics", response: { 200: z.object({ items: z.array(RecommenderModelView), serving: ModelRef }), ...errorResponses } },
    },
    async (req) => service.models(requireOrgActor(req)),
  );

  app.post(
    "/api/recommendations/models/train",
    {
      config: { access: "experiments.manage" },
      schema: { tags, summary: "Retrain the organisation's recommender now", response: { 201: RecommenderModelView, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await service.train(requireOrgActor(req))),
  );

  app.put(
    "/api/recommendations/settings",
    {
      config: { access: "settings.manage" },
      schema: {
        tags,
        summary: "Opt in or out of the shared recommender model",
        description: "With sharedModel on, suggestions learn from (and teach) every organisation that also opted in. Off (the default), nothing learned here is used elsewhere.",
        body: z.object({ sharedModel: z.boolean() }),
        response: { 200: z.object({ sharedModel: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => service.setSharedModel(requireOrgActor(req), req.body.sharedModel),
  );
}
