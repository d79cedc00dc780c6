import type { FeedbackInput } from "../../domain/api/coach";
import type { AppContext } from "../context";
import { forbidden, notFound } from "../errors";
import type { Actor, GuestActor } from "../policies";
import { feedbackHooks } from "./hooks";
import { feedbackRepository } from "./repository";

/**
 * Signals about cards, coach turns, journeys and recommendations. A target must exist where the
 * caller can see it: cards and journeys of their organisation (or the studio's defaults), coach
 * turns of their own conversations. Recommendations are not stored yet, so a recommendation id
 * is accepted only when the client lists it among `context.recommendationIds` (the ids it was
 * shown); anything else is a 404 like any unknown target.
 */
export function feedbackService(ctx: AppContext) {
  const repo = feedbackRepository(ctx.database.db);

  return {
    async record(actor: Actor | GuestActor | null, input: FeedbackInput): Promise<void> {
      if (!actor) throw forbidden();
      const orgId = actor.kind === "user" ? actor.orgId : await repo.sessionOrg(actor.sessionId);
      if (!orgId) throw forbidden("You are not a member of any organisation.");
      const context: Record<string, unknown> = { ...(input.context ?? {}) };
      switch (input.targetType) {
        case "card":
          if (!(await repo.cardVisible(orgId, input.targetId))) throw notFound("The card");
          break;
        case "journey":
          if (!(await repo.journeyVisible(orgId, input.targetId))) throw notFound("The journey");
          break;
        case "coachMessage": {
          const owner = actor.kind === "user" ? { userId: actor.userId, orgId } : { participantId: actor.participantId, sessionId: actor.sessionId };
          const message = await repo.coachMessageOf(owner, input.targetId);
          if (!message) throw notFound("The coach message");
          // What the eval and the learning need to read next to the rating.
          const meta = message.meta as { provider?: string; promptId?: string; phase?: string };
          Object.assign(context, { conversationId: message.conversationId, provider: meta.provider ?? null, promptId: meta.promptId ?? null, phase: meta.phase ?? null });
          break;
        }
        case "recommendation": {
          // The recommender knows the suggestions it logged; ids it does not know still count when the client lists them as shown.
          const known = await feedbackHooks(ctx).resolvers.get("recommendation")?.(orgId, actor, input.targetId);
          if (known) Object.assign(context, known);
          else if (!input.context?.recommendationIds?.includes(input.targetId)) throw notFound("The recommendation");
          break;
        }
      }
      const sessionId = actor.kind === "participant" ? actor.sessionId : (input.context?.sessionId ?? null);
      const recorded = {
        orgId,
        userId: actor.kind === "user" ? actor.userId : null,
        participantId: actor.kind === "participant" ? actor.participantId : null,
        sessionId,
        targetType: input.targetType,
        targetId: input.targetId,
        signal: input.signal,
        context,
      };
      await repo.insert({ ...recorded, value: input.value ?? null, reason: input.reason ?? null });
      for (const listener of feedbackHooks(ctx).listeners) {
        await Promise.resolve(listener(recorded)).catch((err: unknown) => ctx.log.warn({ err: String(err) }, "a feedback listener failed"));
      }
    },
  };
}
