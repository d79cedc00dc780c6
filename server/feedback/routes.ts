import { FeedbackInput } from "../../domain/api/coach";
import type { AppContext } from "../context";
import { errorResponses, NoContent, type ZApp } from "../http/types";
import { feedbackService } from "./service";

export function feedbackRoutes(app: ZApp, ctx: AppContext) {
  const feedback = feedbackService(ctx);
  app.post(
    "/api/feedback",
    {
      config: { access: "participant" },
      schema: {
        tags: ["feedback"],
        summary: "Give a signal about a card, a coach turn, a journey or a recommendation",
        description: "A target that does not exist, or that the caller cannot see, is a 404. A recommendation id must be listed in `context.recommendationIds`.",
        body: FeedbackInput,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await feedback.record(req.actor, req.body);
      return reply.code(204).send(null);
    },
  );
}
