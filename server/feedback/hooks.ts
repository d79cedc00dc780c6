import type { AppContext } from "../context";
import type { Actor, GuestActor } from "../policies";

/** What other features may know about a stored signal (the recommender learns from it at once). */
export interface RecordedFeedback {
  orgId: string;
  userId: string | null;
  participantId: string | null;
  sessionId: string | null;
  targetType: "card" | "coachMessage" | "recommendation" | "journey";
  targetId: string;
  signal: string;
  context: Record<string, unknown>;
}

/**
 * Resolves a target this feature does not own: the context to store beside the signal when the
 * caller may give feedback on it, or null when it is unknown to the owner.
 */
export type TargetResolver = (orgId: string, actor: Actor | GuestActor, targetId: string) => Promise<Record<string, unknown> | null>;

interface Hooks {
  resolvers: Map<RecordedFeedback["targetType"], TargetResolver>;
  listeners: ((f: RecordedFeedback) => void | Promise<void>)[];
}

const perContext = new WeakMap<AppContext, Hooks>();

/** Per app (not global), so tests can build several apps side by side. */
export function feedbackHooks(ctx: AppContext): Hooks {
  let hooks = perContext.get(ctx);
  if (!hooks) perContext.set(ctx, (hooks = { resolvers: new Map(), listeners: [] }));
  return hooks;
}

/** Lets the feature that owns a target type (recommendations) say which ids exist for whom. */
export function resolveFeedbackTarget(ctx: AppContext, type: RecordedFeedback["targetType"], resolver: TargetResolver): void {
  feedbackHooks(ctx).resolvers.set(type, resolver);
}

/** Called after each stored signal; a failing listener is logged and never fails the request. */
export function onFeedbackRecorded(ctx: AppContext, listener: (f: RecordedFeedback) => void | Promise<void>): void {
  feedbackHooks(ctx).listeners.push(listener);
}
