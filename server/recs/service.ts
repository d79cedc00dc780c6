import { randomUUID } from "node:crypto";
import type { CardRecommendations, CardRecommendationsQuery, RecommenderModelView } from "../../domain/api/recs";
import { getEmbedder } from "../ai/embeddings";
import { presentCard } from "../cards/present";
import type { OrgActor } from "../cards/service";
import type { AppContext } from "../context";
import { mediaFor } from "../media/index";
import type { Actor, GuestActor } from "../policies";
import { scopeKeyOf, versionLabel, type Served } from "./models";
import { DEFAULT_PARAMS, paramsFrom, type RecsParams } from "./params";
import { PHASE_HINTS, personContext, type PersonContext } from "./person";
import { dot, meanVector, posterior, rankCards, type QueryPiece } from "./ranking";
import type { ModelRow } from "./repository";
import type { Recs } from "./runtime";

const EXPLORE_CANDIDATES = 20;
const POPULAR_CANDIDATES = 30;
const TOPIC_CANDIDATES = 40;
export const SUGGESTIONS_OFF = "The facilitator has turned suggestions off for this session.";

export function presentModel(row: ModelRow, servingVersion: string): RecommenderModelView {
  const version = versionLabel(row);
  return {
    id: row.id,
    scope: row.scope,
    name: row.name,
    version,
    params: row.params,
    trainedFrom: row.trainedFrom?.toISOString() ?? null,
    trainedTo: row.trainedTo.toISOString(),
    eventCount: row.eventCount,
    metrics: row.metrics,
    trigger: row.trigger,
    createdAt: row.createdAt.toISOString(),
    serving: version === servingVersion,
  };
}

/** Card ids worth ranking: close in meaning, kept for similar topics or alongside, popular, and a few at random. */
async function candidateIds(recs: Recs, person: PersonContext, served: Served, query: Float32Array | null, topic: Float32Array | null, seeds: string[], dismissed: ReadonlySet<string>, params: RecsParams, rand: () => number): Promise<string[]> {
  const visible = await recs.catalogue.visibleIds(person.viewer.orgId);
  const visibleSet = new Set(visible);
  const ids = new Set<string>();
  if (query) for (const hit of await recs.catalogue.nearest(person.viewer.orgId, query, params.contentDepth)) ids.add(hit.id);
  const { model } = served;
  if (query) {
    // The best-kept cards of similar topics; all of them would only slow ranking down.
    const votes = new Map<string, number>();
    for (const t of model.topics) {
      const sim = Math.max(dot(t.vector, topic ?? query), dot(t.vector, query));
      if (sim >= params.topicSimilarity) for (const [id, n] of t.cards) votes.set(id, (votes.get(id) ?? 0) + sim * n);
    }
    for (const [id] of [...votes].sort((a, b) => b[1] - a[1]).slice(0, TOPIC_CANDIDATES)) ids.add(id);
  }
  for (const seed of seeds) for (const id of model.neighbours.get(seed)?.keys() ?? []) ids.add(id);
  const popular = [...model.counts].map(([id, c]) => {
    const [a, b] = posterior(c, params);
    return { id, mean: a / (a + b) };
  });
  popular.sort((x, y) => y.mean - x.mean);
  for (const p of popular.slice(0, POPULAR_CANDIDATES)) ids.add(p.id);
  for (let i = 0; i < EXPLORE_CANDIDATES && visible.length; i++) ids.add(visible[Math.floor(rand() * visible.length)]);
  return [...ids].filter((id) => visibleSet.has(id) && !person.inPlay.has(id) && !dismissed.has(id));
}

export function recsService(ctx: AppContext, recs: Recs) {
  const media = mediaFor(ctx);

  async function servedFor(orgId: string, config: Record<string, unknown> | undefined): Promise<Served> {
    const served = await recs.store.serving(orgId);
    const pin = config?.modelVersion;
    if (typeof pin !== "number") return served;
    return (await recs.store.version(orgId, served.key === "shared", pin)) ?? served;
  }

  return {
    async recommendCards(actor: Actor | GuestActor, input: CardRecommendationsQuery): Promise<CardRecommendations> {
      const person = await personContext(ctx, recs.repo, actor, input.sessionId, input.phase, input.participantId);
      const orgId = person.viewer.orgId;
      if (!person.suggestionsEnabled) {
        const served = await recs.store.serving(orgId);
        return { items: [], model: { name: served.model.name, version: served.model.version }, listId: null, note: SUGGESTIONS_OFF };
      }
      const assignment = await recs.experiments.assignment(orgId, "recommender", person.unitId);
      const config = assignment?.config;
      const params = config ? paramsFrom(config.params ?? config) : DEFAULT_PARAMS;
      const served = await servedFor(orgId, config);

      const texts: { kind: QueryPiece["kind"]; text: string }[] = [];
      if (input.topic) texts.push({ kind: "topic", text: input.topic });
      for (const w of person.words) texts.push({ kind: "reflection", text: w });
      if (person.phase) texts.push({ kind: "phase", text: PHASE_HINTS[person.phase] });
      const vectors = texts.length ? await (await getEmbedder()).embed(texts.map((t) => t.text)) : [];
      const pieces: QueryPiece[] = texts.map((t, i) => ({ ...t, vector: Float32Array.from(vectors[i]) })).filter((p) => p.vector.some((x) => x !== 0));
      // The phase alone is not something the person said: without words, meaning does not pick candidates.
      const said = pieces.filter((p) => p.kind !== "phase");
      const query = said.length ? meanVector(pieces.map((p) => p.vector), pieces.map((p) => (p.kind === "phase" ? 0.4 : p.kind === "topic" ? 1.5 : 1))) : null;
      const topic = pieces.find((p) => p.kind === "topic")?.vector ?? null;

      const { seeds, seen, dismissed } = await recs.viewers.recall(person.viewer);
      const rand = Math.random;
      const ids = await candidateIds(recs, person, served, query, topic as Float32Array | null, seeds, dismissed, params, rand);
      const ranked = rankCards({ candidates: await recs.catalogue.candidates(ids), pieces, seeds, seen, model: served.model, params, limit: input.limit, rand });

      const rows = await recs.catalogue.cardRows(ranked.map((r) => r.id));
      const shown = ranked.filter((r) => rows.has(r.id) && rows.get(r.id)!.archivedAt === null);
      const listId = randomUUID();
      const logged = shown.map((r, rank) => ({
        id: randomUUID(),
        listId,
        orgId,
        userId: person.viewer.userId,
        participantId: person.viewer.participantId,
        sessionId: person.sessionId,
        kind: "card" as const,
        itemId: r.id,
        rank,
        score: r.score,
        reason: r.reason.kind,
        topic: input.topic ?? person.sessionTitle,
        modelName: served.model.name,
        modelVersion: served.model.version,
        experimentId: assignment?.experimentId ?? null,
        arm: assignment?.arm ?? null,
      }));
      if (shown.length) {
        // Written behind the answer (a database write is most of a suggestion's time on PGlite);
        // feedback on one of these ids waits for the write through `pending`.
        const write = recs.repo
          .insertRecommendations(logged)
          .then(() => (assignment ? recs.experiments.logExposure(assignment, person.unitId, listId) : undefined))
          .catch((err: unknown) => ctx.log.warn({ err: String(err) }, "could not log a suggestion list"))
          .finally(() => logged.forEach((l) => recs.pending.delete(l.id)));
        for (const l of logged) recs.pending.set(l.id, write);
        await recs.store.recordShown(orgId, shown.map((r) => r.id));
        recs.viewers.noteShown(person.viewer, shown.map((r) => r.id));
      }
      return {
        items: shown.map((r, i) => ({ card: presentCard(rows.get(r.id)!, media), score: r.score, reason: r.reason.text, reasonKind: r.reason.kind, recommendationId: logged[i].id })),
        model: { name: served.model.name, version: served.model.version },
        listId: shown.length ? listId : null,
        ...(assignment ? { experiment: { id: assignment.experimentId, arm: assignment.arm } } : {}),
      };
    },

    async models(actor: OrgActor): Promise<{ items: RecommenderModelView[]; serving: { name: string; version: string } }> {
      const served = await recs.store.serving(actor.orgId);
      const rows = await recs.repo.listModels(actor.orgId);
      return { items: rows.map((r) => presentModel(r, served.model.version)), serving: { name: served.model.name, version: served.model.version } };
    },

    /** Retrains now: the organisation's own model, and the shared one too when it takes part. */
    async train(actor: OrgActor): Promise<RecommenderModelView> {
      const shared = await recs.store.usesShared(actor.orgId);
      const ownKey = scopeKeyOf(actor.orgId, false);
      const own = await recs.jobs.trainNow(ownKey);
      const serving = shared ? await recs.jobs.trainNow("shared") : own;
      // With a queue another node may have trained it: serve the new version here at once too.
      recs.store.replace(ownKey);
      if (shared) recs.store.replace("shared");
      return presentModel(serving, versionLabel(serving));
    },

    async setSharedModel(actor: OrgActor, sharedModel: boolean): Promise<{ sharedModel: boolean }> {
      await recs.repo.setSharedModel(actor.orgId, sharedModel);
      recs.store.forgetOrg(actor.orgId);
      return { sharedModel };
    },
  };
}
export type RecsService = ReturnType<typeof recsService>;
