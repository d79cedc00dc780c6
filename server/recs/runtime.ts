import type { SessionEventMessage } from "../../domain/realtime";
import { getEmbedder } from "../ai/embeddings";
import type { AppContext } from "../context";
import { notFound } from "../errors";
import { experimentsFor, type Experiments } from "../experiments/service";
import { onFeedbackRecorded, resolveFeedbackTarget } from "../feedback/hooks";
import type { Committed } from "../sessions/live";
import { CardCatalogue } from "./catalogue";
import { ModelStore } from "./models";
import { recsRepository, type RecsRepository } from "./repository";
import { InProcessRetrainJobs, QueueRetrainJobs, type RetrainJobs } from "./jobs";
import { RecsTrainer } from "./training";
import { ViewerMemory } from "./viewers";

/** The recommender's long-lived parts for one app: models, caches, the training job. */
export interface Recs {
  repo: RecsRepository;
  store: ModelStore;
  catalogue: CardCatalogue;
  trainer: RecsTrainer;
  /** When retraining runs: in this process, or through BullMQ when Redis is configured. */
  jobs: RetrainJobs;
  experiments: Experiments;
  viewers: ViewerMemory;
  /** Suggestion lists still being written, by recommendation id: feedback on one waits for its row. */
  pending: Map<string, Promise<void>>;
}

const perContext = new WeakMap<AppContext, Recs>();

export function recsFor(ctx: AppContext): Recs {
  let found = perContext.get(ctx);
  if (!found) {
    const repo = recsRepository(ctx.database.db);
    const store = new ModelStore(repo, async (texts) => (await getEmbedder()).embed(texts));
    const trainer = new RecsTrainer(repo, store, ctx.log);
    const jobs: RetrainJobs = ctx.config.redisUrl
      ? new QueueRetrainJobs(trainer, repo, { redisUrl: ctx.config.redisUrl, prefix: ctx.config.queuePrefix, log: ctx.log })
      : new InProcessRetrainJobs(trainer);
    found = { repo, store, catalogue: new CardCatalogue(ctx.database), trainer, jobs, experiments: experimentsFor(ctx), viewers: new ViewerMemory(repo), pending: new Map() };
    perContext.set(ctx, found);
  }
  return found;
}

/** Session events that say something about a card, as the feedback signal they amount to. */
export function implicitSignals(message: SessionEventMessage): { participantId: string; cardId: string; signal: string }[] {
  const p = message.payload as Record<string, unknown>;
  const participantId = typeof p.participantId === "string" ? p.participantId : null;
  if (!participantId) return [];
  switch (message.type) {
    case "card.chosen":
      return [{ participantId, cardId: String(p.cardId), signal: "chosen" }];
    case "card.placed":
      // Putting one's card on the shared table is keeping it in the conversation.
      return [{ participantId, cardId: String(p.cardId), signal: "kept" }];
    case "card.swapped":
      return [{ participantId, cardId: String((p.returned as { cardId?: unknown } | undefined)?.cardId), signal: "swapped" }];
    case "reflection.added":
      return typeof p.cardId === "string" ? [{ participantId, cardId: p.cardId, signal: "resonant" }] : [];
    default:
      return [];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Wires the recommender into the rest of the studio: it owns "recommendation" feedback targets,
 * learns from every card signal the moment it is stored, and turns live card moves into signals.
 */
export function connectRecs(ctx: AppContext, recs: Recs): void {
  ctx.onClose(() => Promise.allSettled(recs.pending.values()).then(() => undefined));
  resolveFeedbackTarget(ctx, "recommendation", async (orgId, actor, id) => {
    await recs.pending.get(id);
    const row = await recs.repo.findRecommendation(id);
    if (!row) return null;
    const own = actor.kind === "user" ? row.userId === actor.userId : row.participantId === actor.participantId;
    // Someone else's suggestion is as unknown to this caller as one that never existed.
    if (row.orgId !== orgId || !own) throw notFound("The recommendation");
    return {
      [row.kind === "card" ? "cardId" : "journeyId"]: row.itemId,
      listId: row.listId,
      modelVersion: row.modelVersion,
      topic: row.topic,
      ...(row.experimentId ? { experimentId: row.experimentId, arm: row.arm } : {}),
    };
  });

  onFeedbackRecorded(ctx, async (f) => {
    const cardId = f.targetType === "card" ? f.targetId : typeof f.context.cardId === "string" ? f.context.cardId : null;
    if (cardId) {
      await recs.store.recordSignal(f.orgId, cardId, f.signal);
      await recs.viewers.noteSignal({ orgId: f.orgId, userId: f.userId, participantId: f.participantId }, cardId, f.signal);
    }
    const { experimentId, arm, listId } = f.context;
    if (typeof experimentId === "string" && typeof arm === "string" && typeof listId === "string") {
      await recs.experiments.logOutcome({ experimentId, arm }, f.userId ?? f.participantId ?? "someone", listId, f.signal);
    }
  });

  ctx.live.on("committed", (committed: Committed) => {
    const rows = committed.items.flatMap(({ message, after }) =>
      implicitSignals(message)
        .filter((s) => UUID.test(s.cardId))
        .map((s) => ({
          orgId: committed.orgId,
          participantId: s.participantId,
          sessionId: committed.sessionId,
          targetType: "card" as const,
          targetId: s.cardId,
          signal: s.signal,
          context: { source: "session", eventSeq: message.seq, topic: after.title },
        })),
    );
    if (!rows.length) return;
    void recs.repo
      .insertSignals(rows)
      .then(() => Promise.all(rows.map((r) => recs.store.recordSignal(r.orgId, r.targetId, r.signal))))
      .catch((err: unknown) => ctx.log.warn({ err: String(err) }, "could not learn from session card events"));
  });
}
