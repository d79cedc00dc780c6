import { IdParams } from "../../domain/api/common";
import { CopilotQuery, CopilotView } from "../../domain/api/copilot";
import type { AppContext } from "../context";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, type ZApp } from "../http/types";
import { copilotFor } from "./service";

export function copilotRoutes(app: ZApp, ctx: AppContext) {
  const copilot = copilotFor(ctx);

  app.get(
    "/api/sessions/:id/copilot",
    {
      config: { access: "sessions.run" },
      schema: {
        tags: ["sessions"],
        summary: "Live suggestions for the session's facilitators",
        description:
          "Suggestions only; nothing is done to the session. Next questions for the group (this phase's prompts and the journey's) and for one person (an opening for someone not heard from, about their face-up card when they hold one; or a step deeper into what they shared), cards that fit the theme emerging from the shared reflections (from the organisation's recommender), who has not spoken or reflected yet, and who may need care. Computed on request and reused for the same session version.",
        params: IdParams,
        querystring: CopilotQuery,
        response: { 200: CopilotView, ...errorResponses },
      },
    },
    async (req) => copilot.view(requireOrgActor(req), req.params.id, req.query),
  );
}
