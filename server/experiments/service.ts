import type { CreateExperimentInput, DriftReport, ExperimentView } from "../../domain/api/recs";
import type { OrgActor } from "../cards/service";
import type { AppContext } from "../context";
import type { Database } from "../db/client";
import { conflict, notFound } from "../errors";
import { recsRepository } from "../recs/repository";
import { driftOf, type WeekInput } from "./drift";
import { experimentRepository, type ExperimentRow } from "./repository";
import { assignArm, wilsonInterval } from "./stats";

export type ExperimentTarget = "recommender" | "coach";
export interface Assignment {
  experimentId: string;
  arm: string;
  config: Record<string, unknown>;
}

/** Signals that count as an experiment's success. */
export const SUCCESS_SIGNALS = new Set(["chosen", "kept", "resonant", "helpful"]);
// The running experiment is read on every suggestion; stopping one here takes effect at once,
// on other nodes within this long.
const RUNNING_TTL_MS = 5_000;

export function presentExperiment(row: ExperimentRow, counts: Map<string, { exposures: number; successes: number }>): ExperimentView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    target: row.target,
    status: row.status,
    minExposures: row.minExposures,
    startedAt: row.startedAt.toISOString(),
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    arms: row.arms.map((arm) => {
      const c = counts.get(arm.key) ?? { exposures: 0, successes: 0 };
      const enoughData = c.exposures >= row.minExposures;
      return {
        key: arm.key,
        weight: arm.weight,
        config: arm.config,
        exposures: c.exposures,
        successes: c.successes,
        rate: c.exposures ? c.successes / c.exposures : null,
        ci: wilsonInterval(c.successes, c.exposures),
        enoughData,
        ...(enoughData ? {} : { note: `not enough data yet (${c.exposures} of ${row.minExposures} exposures)` }),
      };
    }),
  };
}

/**
 * A/B tests for the recommender and the coach. Assignment is a hash of the experiment and the
 * person, so it needs no storage and never changes; exposures and outcomes are logged once each.
 */
export function experimentsOf(database: Database) {
  const repo = experimentRepository(database.db);
  const running = new Map<string, { at: number; row: Promise<ExperimentRow | undefined> }>();

  function runningFor(orgId: string, target: ExperimentTarget) {
    const key = `${orgId}:${target}`;
    const hit = running.get(key);
    if (hit && Date.now() - hit.at < RUNNING_TTL_MS) return hit.row;
    const row = repo.running(orgId, target);
    row.catch(() => running.delete(key));
    if (!hit) {
      running.set(key, { at: Date.now(), row });
      return row;
    }
    // Stale: answer from what we knew and swap in the fresh answer when it arrives, so no
    // suggestion waits for this query.
    hit.at = Date.now();
    void row.then((fresh) => running.set(key, { at: Date.now(), row: Promise.resolve(fresh) })).catch(() => undefined);
    return hit.row;
  }

  return {
    /** The arm this person is in for the organisation's running experiment on `target`, if any. */
    async assignment(orgId: string, target: ExperimentTarget, unitId: string): Promise<Assignment | null> {
      const row = await runningFor(orgId, target);
      if (!row || row.arms.length === 0) return null;
      const arm = assignArm(row.id, unitId, row.arms);
      return { experimentId: row.id, arm: arm.key, config: arm.config };
    },
    logExposure(a: Assignment, unitId: string, exposureId: string): Promise<void> {
      return repo.log({ experimentId: a.experimentId, arm: a.arm, unitId, kind: "exposure", exposureId });
    },
    /** One success per exposure, however many cards of the list the person went on to keep. */
    async logOutcome(a: Omit<Assignment, "config">, unitId: string, exposureId: string, signal: string): Promise<void> {
      if (!SUCCESS_SIGNALS.has(signal)) return;
      await repo.log({ experimentId: a.experimentId, arm: a.arm, unitId, kind: "outcome", exposureId, signal });
    },

    async create(actor: OrgActor, input: CreateExperimentInput): Promise<ExperimentView> {
      const existing = await repo.running(actor.orgId, input.target);
      if (existing) throw conflict(`"${existing.name}" is already running for the ${input.target}. Stop it before starting another.`, { experimentId: existing.id });
      const row = await repo.insert({
        orgId: actor.orgId,
        name: input.name,
        description: input.description ?? "",
        target: input.target,
        arms: input.arms.map((a) => ({ key: a.key, weight: a.weight, config: a.config })),
        minExposures: input.minExposures,
        createdBy: actor.userId,
      });
      running.delete(`${actor.orgId}:${input.target}`);
      return presentExperiment(row, new Map());
    },
    async list(actor: OrgActor): Promise<ExperimentView[]> {
      const rows = await repo.list(actor.orgId);
      return Promise.all(rows.map(async (r) => presentExperiment(r, await repo.counts(r.id))));
    },
    async get(actor: OrgActor, id: string): Promise<ExperimentView> {
      const row = await repo.find(actor.orgId, id);
      if (!row) throw notFound("The experiment");
      return presentExperiment(row, await repo.counts(row.id));
    },
    /** Stopping is allowed at any time; a stopped experiment keeps its figures. */
    async stop(actor: OrgActor, id: string): Promise<ExperimentView> {
      const row = await repo.find(actor.orgId, id);
      if (!row) throw notFound("The experiment");
      const stopped = row.status === "running" ? ((await repo.stop(id)) ?? row) : row;
      running.delete(`${actor.orgId}:${row.target}`);
      return presentExperiment(stopped, await repo.counts(id));
    },

    async drift(actor: OrgActor, weeks: number): Promise<DriftReport> {
      const since = new Date(Date.now() - weeks * 7 * 86_400_000);
      const { mix, cards } = await repo.weeklySignals(actor.orgId, since);
      const features = new Map((await recsRepository(database.db).cardFeatures([...new Set(cards.map((c) => c.cardId))])).map((f) => [f.id, f.embedding]));
      const byWeek = new Map<string, WeekInput>();
      const week = (w: string) => {
        let found = byWeek.get(w);
        if (!found) byWeek.set(w, (found = { week: w, mix: new Map(), meanEmbedding: null }));
        return found;
      };
      for (const r of mix) week(r.week).mix.set(r.signal, r.n);
      for (const r of cards) {
        const v = features.get(r.cardId);
        if (!v) continue;
        const w = week(r.week);
        w.meanEmbedding ??= new Float32Array(v.length);
        for (let k = 0; k < v.length; k++) w.meanEmbedding[k] += r.n * v[k];
      }
      return driftOf([...byWeek.values()]);
    },
  };
}
export type Experiments = ReturnType<typeof experimentsOf>;

const perContext = new WeakMap<AppContext, Experiments>();
/** One per app, so the running-experiment cache is shared by the routes and the recommender. */
export function experimentsFor(ctx: AppContext): Experiments {
  let found = perContext.get(ctx);
  if (!found) perContext.set(ctx, (found = experimentsOf(ctx.database)));
  return found;
}
