import { z } from "zod";
import { CardView } from "../cards/schemas";
import type { AppContext } from "../context";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, type ZApp } from "../http/types";
import { indexerFor } from "./indexer";
import { searchService } from "./service";

export const SearchQuery = z.object({
  q: z.string().trim().min(1, "Type something to search for").max(500),
  mode: z.enum(["keyword", "semantic", "hybrid"]).default("hybrid").describe("keyword: full-text; semantic: by meaning; hybrid: both, fused by rank"),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  deckId: z.uuid().optional(),
});

export const SearchResult = z.object({ items: z.array(z.object({ card: CardView, score: z.number() })) });

export async function searchRoutes(app: ZApp, ctx: AppContext) {
  const search = searchService(ctx);
  // Catch up on cards written while the app was down (or by a node that crashed mid-batch).
  await indexerFor(ctx).start();

  app.get(
    "/api/cards/search",
    {
      config: { access: "content.read" },
      schema: { tags: ["cards"], summary: "Find cards by words or by meaning", querystring: SearchQuery, response: { 200: SearchResult, ...errorResponses } },
    },
    async (req) => ({ items: await search.search(requireOrgActor(req), req.query) }),
  );
}
