import { PROMPT_BANK } from "../../content/index";
import type { CopilotQuestion } from "../../domain/api/copilot";
import type { PhaseKey, PromptIntent } from "../../domain/content";
import type { SessionState } from "../../domain/session";
import { keyPhrase, type CoachCard, type CoachContext, type CoachLanguage, type CoachPhase } from "../coach/engine/index";
import { candidatesFor, choosePrompt, renderPrompt, type Candidate } from "../coach/engine/select";
import { stableHash } from "../coach/engine/hash";
import { participantsOf, sharedReflections, type Quiet } from "./people";

/** Questions for one person at most, so the list stays something a facilitator can take in at a glance. */
const MAX_PERSON_QUESTIONS = 3;

type Intent = PromptIntent | "card" | "journey";

// What fits the moment for one person: an opening for someone not heard from (about their card
// when they hold one face up), or a step deeper into what they shared.
const OPENING_WITH_CARD: Record<PhaseKey, Intent[]> = {
  pause: ["arrive", "notice-body", "card"],
  expand: ["image", "card", "projection", "surprise"],
  focus: ["insight", "card", "value"],
  do: ["action", "card", "timeframe"],
};
const OPENING: Record<PhaseKey, Intent[]> = {
  pause: ["arrive", "notice-body", "reflect"],
  expand: ["perspective", "metaphor", "journey"],
  focus: ["insight", "value", "journey"],
  do: ["action", "journey"],
};
const DEEPER: Record<PhaseKey, Intent[]> = {
  pause: ["reflect", "notice-body", "arrive"],
  expand: ["projection", "metaphor", "perspective", "reflect"],
  focus: ["value", "insight", "choice", "reflect"],
  do: ["action", "timeframe", "scaling", "obstacle"],
};

const FALLBACK: Record<CoachLanguage, Record<PhaseKey, string>> = {
  en: { pause: "What do you notice right now?", expand: "What else do you see?", focus: "What matters most to you in this?", do: "What would you like to take with you?" },
  he: { pause: "מה את/ה שם/ה לב עכשיו?", expand: "מה עוד את/ה רואה?", focus: "מה הכי חשוב לך בזה?", do: "מה היית רוצה לקחת איתך?" },
  es: { pause: "¿Qué notas ahora mismo?", expand: "¿Qué más ves?", focus: "¿Qué es lo que más te importa en esto?", do: "¿Qué te gustaría llevarte?" },
};

export interface QuestionInput {
  state: SessionState;
  language: CoachLanguage;
  phase: CoachPhase;
  /** Face-up cards each participant holds or chose, newest last. */
  cardsOf: Map<string, CoachCard[]>;
  quiet: Quiet;
  /** The theme phrase, when the group has shared something. */
  theme: string | null;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

function sourceOf(c: Candidate | null): CopilotQuestion["source"] {
  if (!c) return "fallback";
  if (c.id.startsWith("card:")) return "card";
  if (c.id.startsWith("journey:")) return "journey";
  return "bank";
}

/**
 * Chooses with the builtin coach's own scoring (intent fit plus closeness in meaning to what
 * was said), skipping anything already posted in the chat, so the copilot does not repeat itself.
 */
async function best(candidates: Candidate[], intents: Intent[], said: string, language: CoachLanguage, turn: number, phrase: string | null, asked: Set<string>, fill: (c: Candidate) => string) {
  let pool = candidates;
  for (let attempt = 0; attempt < 4 && pool.length; attempt++) {
    const chosen = await choosePrompt(pool, { intents }, said, language, turn, phrase);
    if (!chosen) return null;
    if (!asked.has(normalise(fill(chosen)))) return chosen;
    pool = pool.filter((c) => c !== chosen);
  }
  return null;
}

/** Group questions of this phase from the prompt bank, and the journey's own prompts for it. */
function groupCandidates(language: CoachLanguage, phase: CoachPhase): { bank: Candidate[]; journey: Candidate[] } {
  const bankOf = (lang: string) =>
    PROMPT_BANK.filter((p) => p.phase === phase.key && p.language === lang && p.intent === "group" && !p.text.includes("{")).map((p) => ({ id: p.id, intent: p.intent, text: p.text, themes: p.themes }));
  const bank = bankOf(language).length ? bankOf(language) : bankOf("en");
  // The journeys' prompts are written in English, like the coach's own use of them.
  const journey = (language === "en" ? phase.prompts : [])
    .filter((text) => text.includes("?") && !/^\s*why\b/i.test(text))
    .slice(0, 8)
    .map((text) => ({ id: `journey:${phase.key}:${stableHash(text)}`, intent: "journey" as const, text, themes: [] }));
  return { bank, journey };
}

export async function suggestQuestions(input: QuestionInput): Promise<CopilotQuestion[]> {
  const { state, language, phase, cardsOf, quiet } = input;
  const care = new Set(quiet.care.map((p) => p.participantId));
  const asked = new Set(state.chat.map((m) => normalise(m.text)));
  const shared = sharedReflections(state).filter((r) => !care.has(r.participantId));
  const turn = state.reflections.length + state.chat.length;
  const groupSaid = [input.theme ?? "", ...shared.slice(-3).map((r) => r.text)].join(". ").trim() || phase.purpose;
  const out: CopilotQuestion[] = [];

  const { bank, journey } = groupCandidates(language, phase);
  const plain = (c: Candidate) => c.text;
  const group = await best(bank, ["group"], groupSaid, language, turn, null, asked, plain);
  if (group) out.push({ id: group.id, text: group.text, audience: "group", kind: "group", source: "bank" });
  const fromJourney = await best(journey, ["journey"], groupSaid, language, turn, null, asked, plain);
  if (fromJourney) out.push({ id: fromJourney.id, text: fromJourney.text, audience: "group", kind: "journey", source: "journey" });

  const ctx: CoachContext = { language, phases: [phase], cards: [], memories: [], knownNames: [] };
  const notHeard = new Set(quiet.notHeardFrom.map((p) => p.participantId));
  // Everyone speaks before anyone speaks twice: those not heard from come first.
  const order = participantsOf(state).sort((a, b) => Number(notHeard.has(b)) - Number(notHeard.has(a)));
  const used = new Set<string>();
  for (const id of order) {
    if (out.filter((q) => q.audience === "person").length >= MAX_PERSON_QUESTIONS) break;
    if (care.has(id)) continue;
    const cards = cardsOf.get(id) ?? [];
    const card = cards.at(-1) ?? null;
    const theirs = shared.filter((r) => r.participantId === id);
    const quietOne = notHeard.has(id);
    if (!quietOne && theirs.length === 0) continue;
    const words = theirs.at(-1)?.text ?? "";
    const phrase = quietOne || !words ? null : keyPhrase(words, language);
    const intents = quietOne ? (card ? OPENING_WITH_CARD : OPENING)[phase.key] : DEEPER[phase.key];
    const candidates = candidatesFor(ctx, phase, card, phrase, used);
    const said = words || card?.word || phase.purpose;
    const chosen = await best(candidates, intents, said, language, turn, phrase, asked, (c) => renderPrompt(c, card, phrase));
    const text = chosen ? renderPrompt(chosen, card, phrase) : FALLBACK[language][phase.key];
    if (chosen) used.add(chosen.id);
    const p = { participantId: id, displayName: state.participants[id]?.displayName ?? "" };
    out.push({
      id: `${chosen?.id ?? `fallback:${phase.key}`}:${id}`,
      text,
      audience: "person",
      person: p,
      kind: quietOne ? "quiet" : "follow-up",
      source: sourceOf(chosen),
      ...(card && chosen && (chosen.text.includes("{word}") || chosen.id.startsWith("card:") || chosen.themes.includes("cards")) ? { card: { id: card.id, word: card.word } } : {}),
      ...(phrase && chosen?.text.includes("{phrase}") ? { phrase } : {}),
    });
  }
  return out;
}
