import type { FastifyBaseLogger } from "fastify";
import { buildArtifact, offlineMetrics, type TrainingEvent } from "./learning";
import type { ModelStore, ScopeKey } from "./models";
import { DEFAULT_PARAMS, MODEL_NAME, type RecsParams } from "./params";
import type { ModelRow, RecsRepository, SignalRow } from "./repository";

/** How often the background job looks for organisations with new signals. */
export const RETRAIN_EVERY_MS = 15 * 60_000;

export function trainingEventsOf(rows: readonly SignalRow[]): TrainingEvent[] {
  return rows.map((r) => {
    const actor = r.userId ?? r.participantId ?? "someone";
    // Outside a session, one person's day is what "belongs together".
    const basket = r.sessionId ? `${r.sessionId}:${actor}` : `${actor}:${r.at.toISOString().slice(0, 10)}`;
    return { actor, basket, cardId: r.cardId, signal: r.signal, topic: r.topic, at: r.at.getTime() };
  });
}

/**
 * Retrains the collaborative part on a schedule and on demand. Serving keeps learning online
 * in between (ModelStore); a retrain folds those counts into a new stored version with its
 * training window and offline metrics. One training per scope at a time on this node; two
 * nodes training at once would only produce two consecutive versions of the same model.
 */
export class RecsTrainer {
  private readonly running = new Map<ScopeKey, Promise<ModelRow>>();
  private timer: NodeJS.Timeout | null = null;
  private tick: Promise<void> | null = null;

  constructor(
    private readonly repo: RecsRepository,
    private readonly store: ModelStore,
    private readonly log: Pick<FastifyBaseLogger, "warn" | "info">,
    private readonly params: RecsParams = DEFAULT_PARAMS,
  ) {}

  start(intervalMs = RETRAIN_EVERY_MS): void {
    this.timer = setInterval(() => void this.runDue(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tick?.catch(() => undefined);
    await Promise.allSettled(this.running.values());
  }

  /** Trains every scope whose newest signal is newer than its model. */
  runDue(): Promise<void> {
    this.tick ??= this.trainDue()
      .catch((err: unknown) => this.log.warn({ err: String(err) }, "recommender retraining failed; the current models keep serving"))
      .finally(() => (this.tick = null));
    return this.tick;
  }

  private async trainDue(): Promise<void> {
    const latest = await this.repo.latestSignalPerOrg();
    const shared = new Set(await this.repo.sharedModelOrgs());
    let sharedDue = false;
    for (const [orgId, at] of latest) {
      const model = await this.repo.latestModel("org", orgId);
      if (!model || model.trainedTo < at) {
        await this.train(`org:${orgId}`, "schedule");
        if (shared.has(orgId)) sharedDue = true;
      }
    }
    if (sharedDue) await this.train("shared", "schedule");
  }

  /** Trains one scope now (or joins the training already running for it). */
  train(key: ScopeKey, trigger: "schedule" | "manual" | "boot"): Promise<ModelRow> {
    let job = this.running.get(key);
    if (!job) {
      job = this.trainScope(key, trigger).finally(() => this.running.delete(key));
      this.running.set(key, job);
    }
    return job;
  }

  private async trainScope(key: ScopeKey, trigger: "schedule" | "manual" | "boot"): Promise<ModelRow> {
    const shared = key === "shared";
    const orgId = shared ? null : key.slice(4);
    const orgIds = shared ? await this.repo.sharedModelOrgs() : [orgId!];
    const trainedTo = new Date();
    const rows = (await this.repo.signals(orgIds)).filter((r) => r.at <= trainedTo);
    const shown = await this.repo.shownCounts(orgIds);
    const events = trainingEventsOf(rows);
    const started = performance.now();
    const metrics = offlineMetrics(events, this.params);
    const artifact = buildArtifact(events, shown, this.params);
    const previous = await this.repo.latestModel(shared ? "shared" : "org", orgId);
    const row = await this.repo.insertModel({
      orgId,
      scope: shared ? "shared" : "org",
      name: MODEL_NAME,
      version: (previous?.version ?? 0) + 1,
      params: { ...this.params },
      trainedFrom: rows[0]?.at ?? null,
      trainedTo,
      eventCount: rows.length,
      metrics: { ...metrics, trainingMs: Math.round(performance.now() - started), cards: Object.keys(artifact.counts).length },
      artifact: artifact as unknown as Record<string, unknown>,
      trigger,
    });
    this.store.replace(key);
    this.log.info({ scope: key, version: row.version, events: rows.length }, "recommender model trained");
    return row;
  }
}
