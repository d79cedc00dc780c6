// `npm run eval:recs`: the recommender against simulated people (server/recs/eval/simulate.ts).
// Part 1 trains on simulated sessions and compares hybrid, popularity, content-only and random
// on nDCG@10, recall@10, catalogue coverage and intra-list diversity. Part 2 runs the online
// bandit for many rounds and prints cumulative reward against random slates. Exits non-zero
// unless hybrid beats every baseline on nDCG@10, covers more of the catalogue than popularity,
// and the bandit ends above random.
import { DEFAULT_CARD_SITUATIONS, DEFAULT_CARDS } from "../content/index";
import { getEmbedder } from "../server/ai/embeddings";
import { buildArtifact, type TrainingEvent } from "../server/recs/learning";
import { DEFAULT_PARAMS } from "../server/recs/params";
import { seededRng } from "../server/recs/random";
import { dot, emptyModel, rankCards, servingModelOf, type Candidate, type ServingModel, type Vector } from "../server/recs/ranking";
import { gradedNdcg, intraListDiversity, recallAtK, Simulation, type SimCard, type SimPerson } from "../server/recs/eval/simulate";
import { combineVectors, embeddingPartsOf } from "../server/search/text";

const SEED = Number(process.env.EVAL_SEED ?? 7);
const TRAIN_PEOPLE = 400;
const SESSIONS_EACH = 3;
const TEST_PEOPLE = 200;
const BANDIT_ROUNDS = 3000;
const SLATE = 5;
const K = 10;

const embedder = await getEmbedder();
const rand = seededRng(SEED);
process.stdout.write(`Recommender evaluation (seed ${SEED}): embedding ${DEFAULT_CARDS.length} default cards…\n`);
const cards: SimCard[] = [];
for (const card of DEFAULT_CARDS) {
  const parts = embeddingPartsOf({ ...card, situations: DEFAULT_CARD_SITUATIONS.get(card.id) });
  const vectors = await embedder.embed(parts.map((p) => p.text));
  const u = rand();
  cards.push({ id: card.id, tags: card.tags, vector: Float32Array.from(combineVectors(vectors, parts.map((p) => p.weight))), appeal: 0.15 + 0.85 * u * u });
}
const vectors = new Map<string, Vector>(cards.map((c) => [c.id, c.vector]));
const candidates: Candidate[] = cards.map((c) => ({ id: c.id, vector: c.vector, tags: c.tags }));
const sim = new Simulation(cards, rand);
const topicVector = async (text: string) => Float32Array.from((await embedder.embed([text]))[0]);

// ---- Part 1: offline ranking quality ---------------------------------------------------------
const training: TrainingEvent[] = [];
for (let i = 0; i < TRAIN_PEOPLE; i++) {
  const p = sim.person(`train-${i}`);
  for (let s = 0; s < SESSIONS_EACH; s++) training.push(...sim.session(p, `${p.id}-s${s}`, i * 10 + s));
}
const artifact = buildArtifact(training, new Map(), DEFAULT_PARAMS);
const model: ServingModel = servingModelOf("hybrid", "eval", artifact, await Promise.all(artifact.topics.map((t) => topicVector(t.text))));
const popularity = [...model.counts].sort((a, b) => b[1].pos - a[1].pos || a[0].localeCompare(b[0])).map(([id]) => id);
process.stdout.write(`Trained on ${training.length} simulated signals from ${TRAIN_PEOPLE} people in ${sim.segments.length} segments; ${artifact.topics.length} topics learned.\n\n`);

type System = "hybrid" | "popularity" | "content-only" | "random";
const systems: System[] = ["hybrid", "popularity", "content-only", "random"];
const lists: Record<System, (p: SimPerson, q: Vector) => string[]> = {
  hybrid: (p, q) => rankCards({ candidates, pieces: [{ kind: "topic", text: p.topic, vector: q }], seeds: [], seen: new Set(), model, params: DEFAULT_PARAMS, limit: K, rand }).map((r) => r.id),
  popularity: () => popularity.slice(0, K),
  "content-only": (_p, q) => [...cards].sort((a, b) => dot(q, b.vector) - dot(q, a.vector)).slice(0, K).map((c) => c.id),
  random: () => sim.sample(K).map((c) => c.id),
};
const totals = Object.fromEntries(systems.map((s) => [s, { ndcg: 0, recall: 0, diversity: 0, covered: new Set<string>() }])) as Record<System, { ndcg: number; recall: number; diversity: number; covered: Set<string> }>;
for (let i = 0; i < TEST_PEOPLE; i++) {
  const p = sim.person(`test-${i}`);
  const q = await topicVector(p.topic);
  const grades = new Map(cards.map((c) => [c.id, sim.grade(p, c)]));
  for (const s of systems) {
    const ranked = lists[s](p, q);
    totals[s].ndcg += gradedNdcg(ranked, grades, K);
    totals[s].recall += recallAtK(ranked, grades, K);
    totals[s].diversity += intraListDiversity(ranked, vectors);
    ranked.forEach((id) => totals[s].covered.add(id));
  }
}
const figures = Object.fromEntries(
  systems.map((s) => [s, { ndcg: totals[s].ndcg / TEST_PEOPLE, recall: totals[s].recall / TEST_PEOPLE, coverage: totals[s].covered.size / cards.length, diversity: totals[s].diversity / TEST_PEOPLE }]),
) as Record<System, { ndcg: number; recall: number; coverage: number; diversity: number }>;
process.stdout.write(`  ${"system".padEnd(13)} ${"nDCG@10".padStart(8)} ${"recall@10".padStart(10)} ${"coverage".padStart(9)} ${"diversity".padStart(10)}   (${TEST_PEOPLE} new people)\n`);
for (const s of systems) {
  const f = figures[s];
  process.stdout.write(`  ${s.padEnd(13)} ${f.ndcg.toFixed(3).padStart(8)} ${f.recall.toFixed(3).padStart(10)} ${(f.coverage * 100).toFixed(1).padStart(8)}% ${f.diversity.toFixed(3).padStart(10)}\n`);
}

// ---- Part 2: the online bandit ---------------------------------------------------------------
process.stdout.write(`\nBandit: ${BANDIT_ROUNDS} rounds, ${SLATE} cards a round, learning only from what people pick (no training data).\n`);
const online = emptyModel();
const clickProbability = (p: SimPerson, c: SimCard) => Math.min(1, 0.45 * sim.preference(p, c));
const pick = (p: SimPerson, slate: SimCard[]): SimCard | null => {
  for (const c of slate) if (rand() < clickProbability(p, c)) return c;
  return null;
};
const byId = new Map(cards.map((c) => [c.id, c]));
const cumulative = { thompson: 0, random: 0, "content, no learning": 0 };
const checkpoints = [100, 250, 500, 1000, 2000, BANDIT_ROUNDS];
process.stdout.write(`  ${"round".padStart(6)} ${"thompson".padStart(10)} ${"random".padStart(8)} ${"content, no learning".padStart(21)}\n`);
for (let round = 1; round <= BANDIT_ROUNDS; round++) {
  const p = sim.person(`bandit-${round % 300}`);
  const q = await topicVector(p.topic);
  const slate = rankCards({ candidates, pieces: [{ kind: "topic", text: p.topic, vector: q }], seeds: [], seen: new Set(), model: online, params: DEFAULT_PARAMS, limit: SLATE, rand }).map((r) => byId.get(r.id)!);
  const chosen = pick(p, slate);
  for (const c of slate) {
    const count = online.counts.get(c.id) ?? { pos: 0, neg: 0, shown: 0 };
    count.shown += 1;
    if (c === chosen) count.pos += 1;
    online.counts.set(c.id, count);
  }
  if (chosen) cumulative.thompson += 1;
  if (pick(p, sim.sample(SLATE))) cumulative.random += 1;
  if (pick(p, [...cards].sort((a, b) => dot(q, b.vector) - dot(q, a.vector)).slice(0, SLATE))) cumulative["content, no learning"] += 1;
  if (checkpoints.includes(round)) {
    process.stdout.write(`  ${String(round).padStart(6)} ${String(cumulative.thompson).padStart(10)} ${String(cumulative.random).padStart(8)} ${String(cumulative["content, no learning"]).padStart(21)}\n`);
  }
}

const h = figures.hybrid;
const beatsAll = systems.filter((s) => s !== "hybrid").every((s) => h.ndcg > figures[s].ndcg);
const coversMore = h.coverage > figures.popularity.coverage;
const banditWins = cumulative.thompson > cumulative.random;
process.stdout.write(`\nhybrid ${beatsAll ? "beats" : "does NOT beat"} every baseline on nDCG@10; coverage ${coversMore ? "above" : "NOT above"} popularity's; bandit ${banditWins ? "ends above" : "does NOT end above"} random.\n`);
process.exit(beatsAll && coversMore && banditWins ? 0 : 1);
