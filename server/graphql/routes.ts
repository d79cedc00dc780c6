import { execute, GraphQLError, parse, specifiedRules, validate, type DocumentNode } from "graphql";
import { z } from "zod";
import { analyticsOf } from "../analytics/routes";
import { cardService } from "../cards/service";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import { errorResponses, type ZApp } from "../http/types";
import { journeyService } from "../journeys/service";
import { complexityLimit, depthLimit } from "./limits";
import { root, schema, type GraphQLContext } from "./schema";

const GraphQLBody = z.object({
  query: z.string().min(1, "Send a GraphQL query").max(10_000, "The query is too long"),
  operationName: z.string().max(200).nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
});

const GraphQLResult = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional(), extensions: z.record(z.string(), z.unknown()).optional() })).optional(),
});

/** Resolver failures keep the REST codes (forbidden, not_found…) in `extensions.code`; internals stay hidden. */
function present(err: GraphQLError) {
  const original = err.originalError;
  const known = original instanceof AppError;
  return {
    message: known || !original ? err.message : "Something went wrong on our side. Please try again.",
    ...(err.path ? { path: [...err.path] } : {}),
    extensions: { code: known ? original.code : original ? "internal" : ((err.extensions.code as string | undefined) ?? "invalid") },
  };
}

export function graphqlRoutes(app: ZApp, ctx: AppContext) {
  const cards = cardService(ctx);
  const journeys = journeyService(ctx);
  const rules = [...specifiedRules, depthLimit(), complexityLimit()];

  app.post(
    "/api/graphql",
    {
      // Signed-in people only; each field then makes the same policy check as its REST route.
      config: { access: "user" },
      schema: { tags: ["graphql"], summary: "GraphQL for analytics and content (see docs/API.md)", body: GraphQLBody, response: { 200: GraphQLResult, ...errorResponses } },
    },
    async (req, reply) => {
      let document: DocumentNode;
      try {
        document = parse(req.body.query, { maxTokens: 5_000 });
      } catch (err) {
        const e = err as GraphQLError;
        return reply.code(400).send({ error: { code: "invalid", message: e.message }, errors: [present(e)] } as never);
      }
      const problems = validate(schema, document, rules);
      if (problems.length) {
        return reply.code(400).send({ error: { code: "invalid", message: problems[0].message }, errors: problems.map(present) } as never);
      }
      const installed = analyticsOf.get(ctx);
      if (!installed) throw new Error("analytics must be installed before GraphQL");
      const contextValue: GraphQLContext = { actor: req.actor, analytics: installed.service, cards, journeys };
      const result = await execute({ schema, document, rootValue: root, contextValue, variableValues: req.body.variables ?? undefined, operationName: req.body.operationName ?? undefined });
      for (const e of result.errors ?? []) if (!(e.originalError instanceof AppError) && e.originalError) req.log.error({ err: e.originalError }, "graphql resolver failed");
      return { data: (result.data as Record<string, unknown> | null | undefined) ?? null, ...(result.errors ? { errors: result.errors.map(present) } : {}) };
    },
  );
}
