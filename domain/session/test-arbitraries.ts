// Random command sequences for the session engine's property tests.
import fc from "fast-check";
import type { Command } from "./commands";
import { FACILITATOR_COMMANDS } from "./commands";
import { decide } from "./decide";
import { applyAll } from "./evolve";
import type { SessionEvent } from "./events";
import { seededRandom } from "./random";
import { holderOf } from "./state";
import type { Decision } from "./state";
import { DECKS, FACILITATOR, newSession } from "./test-fixtures";
import type { Actor, ParticipantRole, SessionState } from "./types";

export const PARTICIPANTS = ["p1", "p2", "p3", "p4"];
export const COFACILITATOR = "cora";
export const PEOPLE = [FACILITATOR, COFACILITATOR, ...PARTICIPANTS];
export const ALL_CARD_IDS = new Set(Object.values(DECKS).flat());

export function roleOf(id: string): ParticipantRole {
  if (id === FACILITATOR) return "facilitator";
  if (id === COFACILITATOR) return "cofacilitator";
  return "participant";
}

/** `@n` stands for "the n-th card in play" or "the n-th person", resolved when the step runs. */
type Pick = `@${number}`;
const pick = fc.nat({ max: 40 }).map((n): Pick => `@${n}`);
const text = fc.constantFrom("A door half open", "the river", "Starting over", "quiet", "what matters");

// Commands are generated loosely typed (with picks in place of ids) and resolved later.
type Template = { type: string; payload: Record<string, unknown> };
const t = (type: string, payload: fc.Arbitrary<Record<string, unknown>> = fc.constant({})): fc.Arbitrary<Template> =>
  payload.map((p) => ({ type, payload: p }));

const templates: fc.Arbitrary<Template> = fc.oneof(
  t("phase.next"),
  t("phase.previous"),
  t("phase.goto", fc.record({ index: fc.nat({ max: 5 }) })),
  t("timer.start", fc.record({ seconds: fc.integer({ min: 1, max: 600 }) })),
  t("timer.pause"),
  t("timer.resume"),
  t("timer.extend", fc.record({ seconds: fc.integer({ min: 1, max: 300 }) })),
  t("timer.reset"),
  {
    arbitrary: t(
      "cards.deal",
      fc.record({
        deckId: fc.constantFrom("photo", "word", "nope"),
        mode: fc.constantFrom("face-down", "face-up"),
        count: fc.integer({ min: 1, max: 4 }),
        to: fc.constantFrom("each", "table"),
      }),
    ),
    weight: 4,
  },
  { arbitrary: t("card.flip", fc.record({ cardId: pick })), weight: 3 },
  { arbitrary: t("card.choose", fc.record({ cardId: pick })), weight: 3 },
  { arbitrary: t("card.swap", fc.record({ cardId: pick })), weight: 3 },
  { arbitrary: t("card.place", fc.record({ cardId: pick })), weight: 2 },
  { arbitrary: t("card.spotlight", fc.record({ cardId: pick })), weight: 2 },
  t("spotlight.clear"),
  t("cards.collect"),
  {
    arbitrary: t(
      "reflection.add",
      fc.record({ text, visibility: fc.constantFrom("private", "shared"), cardId: pick }, { requiredKeys: ["text", "visibility"] }),
    ),
    weight: 2,
  },
  t("chat.send", fc.record({ text })),
  t("reaction.send", fc.record({ emoji: fc.constantFrom("👍", "🙏") })),
  t("hand.raise"),
  t("hand.lower", fc.record({ participantId: pick }, { requiredKeys: [] })),
  t("commitment.add", fc.record({ text, due: fc.constant("2030-01-01") }, { requiredKeys: ["text"] })),
  t("participant.admit", fc.record({ participantId: pick })),
  t("participant.remove", fc.record({ participantId: pick })),
  t("participant.rename", fc.record({ participantId: pick, displayName: fc.constantFrom("Sam", "Kim") })),
  {
    arbitrary: t(
      "breakouts.open",
      fc.record(
        { count: fc.integer({ min: 1, max: 3 }), assignment: fc.dictionary(pick, fc.nat({ max: 3 }), { maxKeys: 2 }) },
        { requiredKeys: ["count"] },
      ),
    ),
    weight: 2,
  },
  t("breakouts.move", fc.record({ participantId: pick, roomIndex: fc.nat({ max: 3 }) })),
  t("breakouts.broadcast", fc.record({ text })),
  t("breakouts.callFacilitator"),
  t("breakouts.close"),
  t("session.start"),
  t("session.lock"),
  t("session.unlock"),
  t("session.admission", fc.record({ mode: fc.constantFrom("auto", "manual") })),
  t("session.end"),
  t("suggestions.toggle", fc.record({ enabled: fc.boolean() })),
  {
    arbitrary: fc.constantFrom(COFACILITATOR, ...PARTICIPANTS).map((id) => ({
      type: "participant.join",
      payload: { participantId: id, displayName: id.toUpperCase(), role: roleOf(id) },
    })),
    weight: 5,
  },
);

const HOLDER = "@holder";

export interface Step {
  actorId: string;
  template: Template;
  dt: number;
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  actorId: fc.oneof(
    { arbitrary: fc.constant(FACILITATOR), weight: 4 },
    { arbitrary: fc.constant(COFACILITATOR), weight: 1 },
    { arbitrary: fc.constantFrom(...PARTICIPANTS), weight: 4 },
    // Whoever holds the card the command is about, so card commands often succeed.
    { arbitrary: fc.constant(HOLDER), weight: 3 },
  ),
  template: templates,
  dt: fc.integer({ min: 0, max: 90_000 }),
});

const joinStep = (id: string): Step => ({
  actorId: id,
  template: { type: "participant.join", payload: { participantId: id, displayName: id.toUpperCase(), role: roleOf(id) } },
  dt: 1000,
});

const admitStep = (id: string): Step => ({
  actorId: FACILITATOR,
  template: { type: "participant.admit", payload: { participantId: id } },
  dt: 1000,
});

const OPENING_DEALS: Step[] = [
  { actorId: FACILITATOR, dt: 1000, template: { type: "cards.deal", payload: { deckId: "photo", mode: "face-down", count: 2, to: "each" } } },
  { actorId: FACILITATOR, dt: 1000, template: { type: "cards.deal", payload: { deckId: "word", mode: "face-up", count: 3, to: "table" } } },
];

/** Most people join first (as in a real session); the rest of the steps are random. */
export const scenarioArb = fc.record({
  admission: fc.constantFrom("auto" as const, "manual" as const),
  seed: fc.integer(),
  steps: fc
    .tuple(
      fc.shuffledSubarray([COFACILITATOR, ...PARTICIPANTS], { minLength: 3 }),
      fc.boolean(),
      fc.subarray(OPENING_DEALS),
      fc.array(stepArb, { minLength: 1, maxLength: 40, size: "large" }),
    )
    .map(([joiners, admitAll, deals, rest]) => [
      ...joiners.map(joinStep),
      ...(admitAll ? joiners.map(admitStep) : []),
      ...deals,
      ...rest,
    ]),
});

function pickIndex(value: unknown): number | undefined {
  return typeof value === "string" && value.startsWith("@") ? Number(value.slice(1)) : undefined;
}

/** Turns a template into a concrete command against the current state. */
export function resolve(template: Template, state: SessionState): Command {
  const people = [...PEOPLE, "ghost"];
  const inPlay = Object.keys(state.cards)
    .filter((k) => state.cards[k].location.kind !== "pile")
    .sort();
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template.payload)) {
    const n = pickIndex(value);
    if (n === undefined) payload[key] = value;
    // Mostly a card in play; now and then one still in a pile, to exercise refusals.
    else if (key === "cardId") payload[key] = inPlay.length > 0 && n % 7 !== 6 ? inPlay[n % inPlay.length] : DECKS.photo[n % DECKS.photo.length];
    else payload[key] = people[n % people.length];
  }
  if (template.type === "breakouts.open" && payload.assignment) {
    const assignment: Record<string, number> = {};
    for (const [k, v] of Object.entries(payload.assignment as Record<string, number>)) {
      assignment[people[(pickIndex(k) ?? 0) % people.length]] = v;
    }
    payload.assignment = assignment;
  }
  // The generator only builds well-formed payloads; the cast stands in for parsing.
  return { type: template.type, payload } as Command;
}

export interface StepResult {
  before: SessionState;
  after: SessionState;
  command: Command;
  actor: Actor;
  decision: Decision;
  events: SessionEvent[];
  now: number;
}

/** Runs a scenario like the server does, calling back after every command. */
export function runScenario(
  scenario: { admission: "auto" | "manual"; seed: number; steps: Step[] },
  onStep: (r: StepResult) => void,
): { initial: SessionState; final: SessionState; log: SessionEvent[]; now: number } {
  const initial = newSession({ admission: scenario.admission });
  const random = seededRandom(scenario.seed);
  let state = initial;
  let now = 1_000_000;
  const log: SessionEvent[] = [];
  for (const step of scenario.steps) {
    now += step.dt;
    const command = resolve(step.template, state);
    const cardId = "cardId" in command.payload ? command.payload.cardId : undefined;
    const card = cardId === undefined ? undefined : state.cards[cardId];
    const actorId = step.actorId === HOLDER ? ((card && holderOf(card)) ?? "p1") : step.actorId;
    const actor: Actor =
      command.type === "participant.join"
        ? { participantId: command.payload.participantId, role: "system" }
        : { participantId: actorId, role: roleOf(actorId) };
    const decision = decide(state, command, actor, { now, random, deckCards: (id) => DECKS[id] });
    const before = state;
    const events = decision.ok ? decision.events : [];
    state = applyAll(state, events);
    log.push(...events);
    onStep({ before, after: state, command, actor, decision, events, now });
  }
  return { initial, final: state, log, now };
}

export function isFacilitatorOnly(command: Command): boolean {
  return FACILITATOR_COMMANDS.has(command.type);
}

/** Deep equality for plain JSON-like data, ignoring key order; much faster than util's for these states. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
