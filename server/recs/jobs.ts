import { Queue, QueueEvents, Worker, type Job } from "bullmq";
import type { FastifyBaseLogger } from "fastify";
import type { ScopeKey } from "./models";
import type { ModelRow, RecsRepository } from "./repository";
import { RETRAIN_EVERY_MS, type RecsTrainer } from "./training";

/**
 * When the recommender retrains: on a schedule and on demand. One interface, two ways to run it:
 * in this process (the default, one node), or through a BullMQ queue when Redis is configured, so
 * that several nodes share one schedule and one training per organisation at a time.
 */
export interface RetrainJobs {
  readonly kind: "in-process" | "queue";
  /** Starts the repeating schedule (and, for the queue, this node's worker). */
  start(intervalMs?: number): Promise<void>;
  /** Trains one scope now and answers with the stored model. */
  trainNow(key: ScopeKey): Promise<ModelRow>;
  stop(): Promise<void>;
}

/** A timer and the trainer in this process. */
export class InProcessRetrainJobs implements RetrainJobs {
  readonly kind = "in-process" as const;
  constructor(private readonly trainer: RecsTrainer) {}

  start(intervalMs = RETRAIN_EVERY_MS): Promise<void> {
    this.trainer.start(intervalMs);
    return Promise.resolve();
  }

  trainNow(key: ScopeKey): Promise<ModelRow> {
    return this.trainer.train(key, "manual");
  }

  stop(): Promise<void> {
    return this.trainer.stop();
  }
}

export const RETRAIN_QUEUE = "recs-retrain";
const SCHEDULER_ID = "recs-retrain-schedule";
/** How long an on-demand request waits for a worker before giving up. */
const TRAIN_WAIT_MS = 120_000;

type JobData = { key?: ScopeKey };
type JobName = "scheduled" | "train";

/**
 * BullMQ: a job scheduler produces one "scheduled" job per interval however many nodes declare it,
 * and each job is taken by exactly one worker. An on-demand "train" job is de-duplicated per scope
 * while one is waiting or running, so two nodes asked at once share one training.
 */
export class QueueRetrainJobs implements RetrainJobs {
  readonly kind = "queue" as const;
  private readonly queue: Queue<JobData, string | null, string>;
  private readonly events: QueueEvents;
  private worker: Worker<JobData, string | null, string> | null = null;
  /** Scheduled runs this node's worker carried out (for operators and tests). */
  readonly handled: { name: JobName; id: string; at: number }[] = [];

  constructor(
    private readonly trainer: RecsTrainer,
    private readonly repo: RecsRepository,
    private readonly options: { redisUrl: string; prefix: string; log: Pick<FastifyBaseLogger, "warn" | "info"> },
  ) {
    const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
    this.queue = new Queue<JobData, string | null, string>(RETRAIN_QUEUE, { connection, prefix: options.prefix, defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 } });
    this.events = new QueueEvents(RETRAIN_QUEUE, { connection, prefix: options.prefix });
    this.queue.on("error", (err) => options.log.warn({ err: err.message }, "retraining queue problem"));
    this.events.on("error", (err) => options.log.warn({ err: err.message }, "retraining queue events problem"));
  }

  private starting: Promise<void> | null = null;

  start(intervalMs = RETRAIN_EVERY_MS): Promise<void> {
    const previous = this.starting ?? Promise.resolve();
    this.starting = previous.catch(() => undefined).then(() => this.startNow(intervalMs));
    return this.starting;
  }

  private async startNow(intervalMs: number): Promise<void> {
    await this.events.waitUntilReady();
    // Every node declares the same scheduler; Redis keeps one, so the schedule runs once per interval.
    await this.queue.upsertJobScheduler(SCHEDULER_ID, { every: intervalMs }, { name: "scheduled", data: {} });
    if (this.worker) return;
    this.worker = new Worker<JobData, string | null, string>(RETRAIN_QUEUE, (job) => this.process(job), {
      connection: { url: this.options.redisUrl, maxRetriesPerRequest: null },
      prefix: this.options.prefix,
      concurrency: 1,
    });
    this.worker.on("error", (err) => this.options.log.warn({ err: err.message }, "retraining worker problem"));
    this.worker.on("failed", (job, err) => this.options.log.warn({ job: job?.name, err: err.message }, "a retraining job failed; the current models keep serving"));
    await this.worker.waitUntilReady();
  }

  private async process(job: Job<JobData, string | null, string>): Promise<string | null> {
    this.handled.push({ name: job.name === "train" ? "train" : "scheduled", id: job.id ?? "", at: Date.now() });
    if (job.name === "train" && job.data.key) return (await this.trainer.train(job.data.key, "manual")).id;
    await this.trainer.runDue();
    return null;
  }

  async trainNow(key: ScopeKey): Promise<ModelRow> {
    const job = await this.queue.add("train", { key }, { deduplication: { id: `train:${key}` } });
    const id = await job.waitUntilFinished(this.events, TRAIN_WAIT_MS);
    const row = id ? await this.repo.modelById(id) : undefined;
    if (!row) throw new Error(`retraining ${key} finished without a model`);
    return row;
  }

  /** The queue's own counts, for tests and operators. */
  counts() {
    return this.queue.getJobCounts("waiting", "active", "completed", "failed", "delayed");
  }

  async stop(): Promise<void> {
    // A node stopped while still starting must not leave a worker behind.
    await this.starting?.catch(() => undefined);
    await this.worker?.close();
    this.worker = null;
    await this.trainer.stop();
    await this.events.close();
    await this.queue.close();
  }
}
