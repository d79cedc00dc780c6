import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS, defaultJourneys } from "../../../content/index";
import { phasesOf } from "../context";
import { initialState, keyPhrase, planTurn, readSignals, readState, resolveDue, warmUpCoach, type CoachContext, type DialogueState } from "./index";

const card = DEFAULT_CARDS.find((c) => c.word === "Open Door")!;
const journey = defaultJourneys().find((j) => j.audience === "one-to-one")!;
const context = (over: Partial<CoachContext> = {}): CoachContext => ({
  language: "en",
  phases: phasesOf(journey.phases),
  cards: [{ id: card.id, word: card.word, description: card.description, prompts: card.prompts, language: "en" }],
  memories: [],
  knownNames: [],
  ...over,
});

async function play(ctx: CoachContext, lines: string[]) {
  let state: DialogueState = initialState();
  const replies = [];
  for (const line of lines) {
    const plan = await planTurn(ctx, state, line, new Date("2030-01-07T09:00:00Z"));
    state = plan.state;
    replies.push(plan);
  }
  return { replies, state };
}

describe("the builtin dialogue engine", () => {
  beforeAll(() => warmUpCoach(), 60_000);

  it("picks the person's own short phrase, never a name", () => {
    expect(keyPhrase("I keep thinking about starting over after I lost my job.", "en")).toBe("lost my job");
    expect(keyPhrase("My sister Miriam says I feel lonely at home.", "en") ?? "").not.toMatch(/Miriam/);
    expect(keyPhrase("ok", "en")).toBeNull();
    expect(keyPhrase("Estoy muy cansada del trabajo, no tengo tiempo", "es")).toBe("cansada del trabajo");
  });

  it("reads readiness, advice requests, being stuck and time frames", () => {
    expect(readSignals("I'm ready to move on", "en").ready).toBe(true);
    expect(readSignals("What should I do?", "en").asksAdvice).toBe(true);
    expect(readSignals("¿Qué debo hacer?", "es").asksAdvice).toBe(true);
    expect(readSignals("I don't know", "en").stuck).toBe(true);
    expect(readSignals("I will call her within 24 hours", "en")).toMatchObject({ intends: true, timeFrame: "within 24 hours" });
    const monday = new Date("2030-01-09T09:00:00Z"); // a Wednesday
    expect(resolveDue("tomorrow", monday)).toBe("2030-01-10T09:00:00.000Z");
    expect(resolveDue("by Friday", monday)).toBe("2030-01-11T09:00:00.000Z");
    expect(resolveDue("within 2 hours", monday)).toBe("2030-01-09T11:00:00.000Z");
    expect(resolveDue(null, monday)).toBeNull();
  });

  it("walks Pause → Expand → Focus → Do, one open question a turn, without repeating a prompt", async () => {
    const { replies, state } = await play(context(), [
      "I'm arriving tired, with a lot on my mind.",
      "My shoulders are tight and my breath is short, I notice I'm worried about the new job.",
      "I see a door open to the morning, light on the floor and hills far away.",
      "Maybe it's the chance to leave the old team behind and start fresh somewhere.",
      "I'm ready to move on",
      "What matters most is feeling trusted again.",
      "I'm ready",
      "I will ask my new manager for a first project this week",
    ]);
    expect(replies.map((r) => r.phase)).toEqual(["pause", "pause", "expand", "expand", "focus", "focus", "do", "do"]);
    for (const r of replies) {
      expect(r.text.match(/\?/g)?.length, r.text).toBe(1);
      expect(r.text).not.toMatch(/\bwhy\b|you should|I recommend/i);
      expect(r.text.split(/\s+/).length).toBeLessThanOrEqual(45);
    }
    expect(replies[2].text).toContain("Open Door");
    const ids = state.usedPrompts;
    expect(new Set(ids).size).toBe(ids.length);
    expect(state.commitments).toEqual([expect.objectContaining({ timeFrame: "this week", dueAt: expect.any(String) })]);
  });

  it("reflects the person's words back, and hands 'what should I do?' back with care", async () => {
    const { replies } = await play(context(), ["I feel stuck between staying in my job and starting over.", "What should I do?"]);
    expect(replies[0].text).toMatch(/'[^']+'/);
    expect(replies[1].text).toMatch(/yours|you know/i);
    expect(replies[1].intent).toBe("handback");
  });

  it("meets a stuck person gently and stays in the phase", async () => {
    const { replies } = await play(context(), ["I don't know.", "no idea"]);
    expect(replies.every((r) => r.phase === "pause")).toBe(true);
    expect(replies[0].text).toMatch(/no rush|Not knowing/);
  });

  it("answers in Hebrew and Spanish from their prompt banks", async () => {
    const he = await play(context({ language: "he" }), ["אני מרגישה עייפה היום"]);
    expect(he.replies[0].text).toMatch(/[\u05d0-\u05ea]/);
    const es = await play(context({ language: "es" }), ["Me siento cansada hoy"]);
    expect(es.replies[0].text).toMatch(/¿/);
  });

  it("recalls a kept memory on the first turn", async () => {
    const { replies } = await play(context({ memories: ["asking for help"] }), ["Hello again."]);
    expect(replies[0].text).toContain("asking for help");
  });

  it("reads stored state defensively", () => {
    expect(readState({ phaseIndex: -3, usedPrompts: [1, "a"], closed: "yes" })).toMatchObject({ phaseIndex: 0, usedPrompts: ["a"], closed: false });
    expect(readState(null)).toEqual(initialState());
  });
});
