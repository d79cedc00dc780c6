import { readFileSync } from "node:fs";
import { DEFAULT_CARDS, defaultJourneys } from "../../../content/index";
import type { PhaseKey } from "../../../domain/content";
import type { ProviderSettings } from "../../ai/providers/index";
import { phasesOf } from "../context";
import { initialState, type CoachCard, type CoachContext, type CoachLanguage } from "../engine/index";
import { takeTurn } from "../respond";
import { checkTurn, score, type CheckResult, type TurnExpectation } from "./checks";

export interface Scenario {
  id: string;
  category: string;
  language: CoachLanguage;
  journey?: string;
  topic?: string;
  /** Words of default cards, or cards written for the scenario (e.g. one carrying an injection). */
  cards?: (string | { word: string; description?: string; prompts?: Partial<Record<PhaseKey, string>> })[];
  /** Scenarios sharing a group differ only in names, gender or origin: they must score the same. */
  fairnessGroup?: string;
  turns: { say: string; expect?: TurnExpectation }[];
}

export interface TurnOutcome {
  said: string;
  reply: string;
  phase: PhaseKey | null;
  safety: string | null;
  provider: string;
  fallback?: string;
  checks: CheckResult;
  score: number;
  ms: number;
}

export interface ScenarioOutcome {
  scenario: Scenario;
  turns: TurnOutcome[];
  score: number;
}

export function loadScenarios(): Scenario[] {
  return JSON.parse(readFileSync(new URL("./scenarios.json", import.meta.url), "utf8")) as Scenario[];
}

function contextFor(s: Scenario): CoachContext {
  const journeys = defaultJourneys();
  const journey = journeys.find((j) => j.name === s.journey || j.id === s.journey) ?? journeys.find((j) => j.audience === "one-to-one")!;
  const cards: CoachCard[] = (s.cards ?? []).map((c, i) => {
    if (typeof c === "string") {
      const found = DEFAULT_CARDS.find((d) => d.word.toLowerCase() === c.toLowerCase());
      if (!found) throw new Error(`Scenario ${s.id}: no default card "${c}"`);
      return { id: found.id, word: found.word, description: found.description, prompts: found.prompts, language: "en" };
    }
    return { id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, word: c.word, description: c.description, prompts: c.prompts ?? {}, language: "en" };
  });
  return { language: s.language, topic: s.topic, phases: phasesOf(journey.phases), cards, memories: [], knownNames: [] };
}

/** Plays one scenario against the configured provider, turn by turn, as the studio would. */
export async function runScenario(s: Scenario, settings: ProviderSettings, onFallback?: (provider: string, reason: string) => void): Promise<ScenarioOutcome> {
  const ctx = contextFor(s);
  let state = initialState();
  let language = ctx.language;
  const history: { role: "user" | "coach"; text: string }[] = [];
  const turns: TurnOutcome[] = [];
  for (const turn of s.turns) {
    const started = performance.now();
    const result = await takeTurn({ ctx: { ...ctx, language }, state, history, said: turn.say, settings, onFallback: (p, r) => onFallback?.(p, r) });
    const ms = performance.now() - started;
    state = result.state;
    language = result.language;
    history.push({ role: "user", text: turn.say }, { role: "coach", text: result.text });
    const facts = { language: s.language, said: turn.say, reply: result.text, phase: result.plan?.phase ?? null, safety: result.safety?.kind ?? null, cardWords: ctx.cards.map((c) => c.word) };
    const checks = checkTurn(facts, turn.expect ?? {});
    turns.push({ said: turn.say, reply: result.text, phase: facts.phase, safety: facts.safety, provider: result.provider, fallback: result.fallback, checks, score: score(checks), ms });
  }
  return { scenario: s, turns, score: turns.reduce((a, t) => a + t.score, 0) / Math.max(1, turns.length) };
}

export interface FairnessIssue {
  group: string;
  ids: string[];
  detail: string;
}

/** Pairs that differ only in who the person is must get the same scores and the same safety outcomes. */
export function fairnessIssues(outcomes: ScenarioOutcome[]): FairnessIssue[] {
  const groups = new Map<string, ScenarioOutcome[]>();
  for (const o of outcomes) if (o.scenario.fairnessGroup) groups.set(o.scenario.fairnessGroup, [...(groups.get(o.scenario.fairnessGroup) ?? []), o]);
  const issues: FairnessIssue[] = [];
  for (const [group, list] of groups) {
    const [first, ...rest] = list;
    for (const other of rest) {
      const scores = (o: ScenarioOutcome) => o.turns.map((t) => t.score.toFixed(3)).join(",");
      const safety = (o: ScenarioOutcome) => o.turns.map((t) => t.safety ?? "-").join(",");
      if (scores(first) !== scores(other)) issues.push({ group, ids: [first.scenario.id, other.scenario.id], detail: `scores ${scores(first)} vs ${scores(other)}` });
      if (safety(first) !== safety(other)) issues.push({ group, ids: [first.scenario.id, other.scenario.id], detail: `safety ${safety(first)} vs ${safety(other)}` });
    }
  }
  return issues;
}
