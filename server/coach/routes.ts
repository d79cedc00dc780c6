import { z } from "zod";
import {
  AiSettings,
  Conversation,
  ConversationListItem,
  ConversationSummary,
  CreateConversationInput,
  CreateMemoryInput,
  Memory,
  SendMessageInput,
  SendMessageResult,
  UpdateAiSettingsInput,
  UpdateSummaryInput,
} from "../../domain/api/coach";
import { IdParams } from "../../domain/api/common";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, NoContent, type ZApp } from "../http/types";
import { warmUpCoach } from "./engine/index";
import { callerOf, coachService } from "./service";
import { aiSettingsService } from "./settings";
import { openEventStream, wantsEventStream } from "./sse";

export function coachRoutes(app: ZApp, ctx: AppContext) {
  const coach = coachService(ctx);
  const ai = aiSettingsService(ctx);
  const tags = ["coach"];
  // The first turns should not wait for the embedding model and prompt vectors.
  if (ctx.config.env !== "test") void warmUpCoach().catch((err: unknown) => ctx.log.warn({ err }, "coach warm-up failed; the first turns will be slower"));

  app.post(
    "/api/coach/conversations",
    { config: { access: "participant" }, schema: { tags, summary: "Start a conversation with the coach", body: CreateConversationInput, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await coach.create(callerOf(req.actor), req.body)),
  );

  app.get(
    "/api/coach/conversations",
    { config: { access: "participant" }, schema: { tags, summary: "My conversations with the coach, newest first", response: { 200: z.object({ items: z.array(ConversationListItem) }), ...errorResponses } } },
    async (req) => ({ items: await coach.list(callerOf(req.actor)) }),
  );

  app.get(
    "/api/coach/conversations/:id",
    { config: { access: "participant" }, schema: { tags, summary: "One of my conversations, with its messages", params: IdParams, response: { 200: Conversation, ...errorResponses } } },
    async (req) => coach.get(callerOf(req.actor), req.params.id),
  );

  app.post(
    "/api/coach/conversations/:id/messages",
    {
      config: { access: "participant" },
      schema: {
        tags,
        summary: "Say something to the coach",
        description:
          "With `Accept: text/event-stream` the answer streams as SSE: `delta` events `{text}`, then one `done` event `{message, safety?}` whose message text is authoritative (it replaces the streamed text if a reply had to be replaced). Closing the stream stops generating. Otherwise the answer is JSON.",
        params: IdParams,
        body: SendMessageInput,
        response: { 200: SendMessageResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req.actor);
      const conv = await coach.begin(caller, req.params.id);
      if (!wantsEventStream(req)) return coach.send(caller, conv, req.body.text);
      const stream = openEventStream(req, reply);
      try {
        const result = await coach.send(caller, conv, req.body.text, { signal: stream.signal, onDelta: (text) => stream.send("delta", { text }) });
        stream.send("done", result);
      } catch (err) {
        req.log.error({ err }, "coach turn failed while streaming");
        const e = err instanceof AppError ? { code: err.code, message: err.message } : { code: "internal", message: "Something went wrong on our side. Please try again." };
        stream.send("error", { error: e });
      } finally {
        stream.end();
      }
      return reply;
    },
  );

  app.get(
    "/api/coach/conversations/:id/summary",
    { config: { access: "participant" }, schema: { tags, summary: "The conversation's summary: the kept one, or a draft to edit", params: IdParams, response: { 200: ConversationSummary, ...errorResponses } } },
    async (req) => coach.summary(callerOf(req.actor), req.params.id),
  );

  app.put(
    "/api/coach/conversations/:id/summary",
    {
      config: { access: "participant" },
      schema: { tags, summary: "Keep the summary as edited; optionally remember its themes and track its commitments", params: IdParams, body: UpdateSummaryInput, response: { 200: ConversationSummary, ...errorResponses } },
    },
    async (req) => coach.saveSummary(callerOf(req.actor), req.params.id, req.body),
  );

  app.delete(
    "/api/coach/conversations/:id/summary",
    { config: { access: "participant" }, schema: { tags, summary: "Delete the kept summary", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await coach.deleteSummary(callerOf(req.actor), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/coach/memories",
    { config: { access: "participant" }, schema: { tags, summary: "What I chose to let the coach remember", response: { 200: z.object({ items: z.array(Memory) }), ...errorResponses } } },
    async (req) => ({ items: await coach.memories(callerOf(req.actor)) }),
  );

  app.post(
    "/api/coach/memories",
    { config: { access: "coach.use" }, schema: { tags, summary: "Let the coach remember a theme, commitment or note", body: CreateMemoryInput, response: { 201: Memory, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await coach.remember(callerOf(req.actor), req.body)),
  );

  app.delete(
    "/api/coach/memories/:id",
    { config: { access: "coach.use" }, schema: { tags, summary: "Forget a memory", params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await coach.forget(callerOf(req.actor), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/orgs/current/ai",
    { config: { access: "settings.manage" }, schema: { tags: ["organisations"], summary: "The coach's model settings (a stored key is never returned)", response: { 200: AiSettings, ...errorResponses } } },
    async (req) => ai.view(requireOrgActor(req).orgId),
  );

  app.put(
    "/api/orgs/current/ai",
    {
      config: { access: "settings.manage" },
      schema: { tags: ["organisations"], summary: "Choose the coach's model for this organisation; the key is stored encrypted", body: UpdateAiSettingsInput, response: { 200: AiSettings, ...errorResponses } },
    },
    async (req) => ai.update(requireOrgActor(req).orgId, req.body),
  );
}
