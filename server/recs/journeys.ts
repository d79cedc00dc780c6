import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { JourneyRecommendations } from "../../domain/api/recs";
import { getEmbedder } from "../ai/embeddings";
import type { OrgActor } from "../cards/service";
import { snippet } from "./ranking";
import type { Recs } from "./runtime";

const JOURNEY_MODEL = { name: "journey-match", version: "1" };
/** Meaning decides; what the organisation found helpful only tips close calls. */
const MEANING_WEIGHT = 0.8;

function journeyText(j: { name: string; description: string; phases: unknown[] }): string {
  const purposes = j.phases.map((p) => (p as { purpose?: unknown }).purpose).filter((x): x is string => typeof x === "string");
  return [j.name, j.description, ...purposes].join(". ").slice(0, 1500);
}

/** Journeys for a goal sentence: closeness in meaning to the journey's purpose, plus its helpful/not-helpful record. */
export async function recommendJourneys(recs: Recs, actor: OrgActor, goal: string, limit: number): Promise<z.infer<typeof JourneyRecommendations>> {
  const journeys = await recs.repo.journeysWithFeedback(actor.orgId);
  if (journeys.length === 0) return { items: [], model: JOURNEY_MODEL, listId: null };
  const embedder = await getEmbedder();
  const [goalVector, ...vectors] = await embedder.embed([goal, ...journeys.map(journeyText)]);
  const scored = journeys.map((j, i) => {
    let meaning = 0;
    for (let k = 0; k < goalVector.length; k++) meaning += goalVector[k] * vectors[i][k];
    const helpful = (1 + j.pos) / (2 + j.pos + j.neg);
    const score = MEANING_WEIGHT * meaning + (1 - MEANING_WEIGHT) * helpful;
    const reason = j.pos >= 3 && helpful > 0.7 ? "often found helpful in your organisation" : `fits your goal '${snippet(goal, 8)}'`;
    return { j, score: Math.round(score * 1e4) / 1e4, reason };
  });
  scored.sort((a, b) => b.score - a.score || a.j.name.localeCompare(b.j.name));
  const top = scored.slice(0, limit);
  const listId = randomUUID();
  const rows = top.map((s, rank) => ({
    id: randomUUID(),
    listId,
    orgId: actor.orgId,
    userId: actor.userId,
    kind: "journey" as const,
    itemId: s.j.id,
    rank,
    score: s.score,
    reason: s.reason.startsWith("often") ? "popular" : "topic",
    topic: goal,
    modelName: JOURNEY_MODEL.name,
    modelVersion: JOURNEY_MODEL.version,
  }));
  await recs.repo.insertRecommendations(rows);
  return {
    items: top.map((s, i) => ({ journey: { id: s.j.id, name: s.j.name, description: s.j.description, audience: s.j.audience }, score: s.score, reason: s.reason, recommendationId: rows[i].id })),
    model: JOURNEY_MODEL,
    listId,
  };
}
