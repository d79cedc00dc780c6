import type { PhaseKey, PromptIntent } from "../../../domain/content";
import { analyzeText } from "../../analysis/index";
import { getEmbedder } from "../../ai/embeddings";
import { LINES, pick } from "./lines";
import { keyPhrase } from "./phrases";
import { candidatesFor, choosePrompt, promptEmbeddingText, renderPrompt, type Preference } from "./select";
import { readSignals, resolveDue, type Signals } from "./signals";
import type { CoachCard, CoachContext, DialogueState, TurnPlan } from "./types";

export { initialState, readState, type CoachCard, type CoachContext, type CoachLanguage, type CoachPhase, type DialogueState, type TurnPlan } from "./types";
export { keyPhrase } from "./phrases";
export { readSignals, resolveDue } from "./signals";

/** Turns a phase needs before moving on without being asked, and the most it holds someone. */
const MIN_TURNS: Record<PhaseKey, number> = { pause: 1, expand: 2, focus: 1, do: 2 };
const MAX_TURNS: Record<PhaseKey, number> = { pause: 2, expand: 4, focus: 3, do: 5 };
/** A reply this long is a sign of depth: the person has said what this phase is for. */
const DEEP_WORDS = 25;

// Gendered and family words are made neutral before choosing a question, so who the person
// talks about never changes what the coach asks (checked by the eval's fairness pairs).
const NEUTRAL: [RegExp, string][] = [
  [/\b(husband|wife|boyfriend|girlfriend|partner|spouse)\b/gi, "partner"],
  [/\b(mother|father|mom|dad|mum)\b/gi, "parent"],
  [/\b(son|daughter)\b/gi, "child"],
  [/\b(brother|sister)\b/gi, "sibling"],
  [/\b(he|she)\b/gi, "they"],
  [/\b(him|her)\b/gi, "them"],
  [/\b(his|hers)\b/gi, "their"],
  // A capitalised word in mid-sentence is most likely a name.
  [/(?<=[a-z,;]\s+)[A-Z][a-z]+\b/g, "someone"],
];
function neutral(text: string): string {
  return NEUTRAL.reduce((t, [re, by]) => t.replace(re, by), text);
}

function cardInPlay(ctx: CoachContext, text: string): CoachCard | null {
  if (ctx.cards.length === 0) return null;
  const lower = text.toLowerCase();
  return ctx.cards.find((c) => lower.includes(c.word.toLowerCase())) ?? ctx.cards[ctx.cards.length - 1];
}

function preference(phase: PhaseKey, turnsInPhase: number, s: Signals, state: DialogueState, card: CoachCard | null): Preference {
  if (s.asksAdvice) return { intents: ["handback", "choice", "support"] };
  if (s.stuck) return { intents: ["stuck", "handback", "reflect"] };
  if (s.swapped && phase === "expand") return { intents: ["swap", "choice"] };
  switch (phase) {
    case "pause":
      return { intents: turnsInPhase === 0 ? ["notice-body", "arrive", "journey", "reflect"] : ["reflect", "notice-body", "journey"] };
    case "expand":
      if (!card) return { intents: ["perspective", "metaphor", "reflect", "journey"] };
      if (turnsInPhase === 0) return { intents: ["image", "card", "journey", "surprise"] };
      if (turnsInPhase === 1) return { intents: ["projection", "card", "metaphor", "surprise"] };
      return { intents: ["perspective", "metaphor", "reflect", "projection"] };
    case "focus":
      if (turnsInPhase === 0) return { intents: ["insight", "journey", "value"] };
      return { intents: ["value", "choice", "card", "reflect", "obstacle"] };
    case "do": {
      const last = state.commitments.at(-1);
      if (state.closed) return { intents: ["close", "reflect"] };
      if (!last) return { intents: turnsInPhase === 0 ? ["action", "card", "journey"] : ["action", "stuck", "support"] };
      if (!last.timeFrame) return { intents: ["timeframe"] };
      if (state.lastIntent === "scaling" || state.lastIntent === "reflect" || state.lastIntent === "obstacle") return { intents: ["close"] };
      return { intents: ["scaling", "reflect", "obstacle", "support"] };
    }
  }
}

function acknowledgement(ctx: CoachContext, dominant: string, confidence: number, valence: number): string | null {
  const lines = LINES[ctx.language].ack;
  if (ctx.language === "en" && dominant !== "unknown" && confidence >= 0.4) {
    const line = lines[dominant as keyof typeof lines];
    // Calm is the classifier's resting guess for plain statements; only name it when it is clear.
    if (line && (dominant !== "calm" || (confidence >= 0.6 && valence > 0.2))) return line;
  }
  if (valence <= -0.35) return lines.negative ?? null;
  if (valence >= 0.5) return lines.joy ?? null;
  return null;
}

/**
 * Whether this answer completes the phase: the person asks to move on, has gone deep enough,
 * or has been here long enough. Cheap and synchronous, so a remote model can be called with
 * the right phase while the builtin plan is still being made.
 */
function nextPhase(ctx: CoachContext, state: DialogueState, s: Signals): { index: number; changed: boolean } {
  const index = Math.min(state.phaseIndex, ctx.phases.length - 1);
  const key = ctx.phases[index].key;
  const doneHere =
    state.turnsInPhase >= MAX_TURNS[key] ||
    (s.ready && state.turnsInPhase >= 1) ||
    (!s.stuck && !s.asksAdvice && s.words >= DEEP_WORDS && state.turnsInPhase >= MIN_TURNS[key]) ||
    (!s.stuck && s.words >= 6 && state.turnsInPhase >= MIN_TURNS[key] + 1);
  if (doneHere && index < ctx.phases.length - 1 && key !== "do") return { index: index + 1, changed: true };
  return { index, changed: false };
}

/** The phase the coming turn will be in. */
export function phaseForTurn(ctx: CoachContext, state: DialogueState, said: string): PhaseKey {
  return ctx.phases[nextPhase(ctx, state, readSignals(said, ctx.language)).index].key;
}

/** Embeds the prompt bank once, so the first turns of a phase do not wait for it. */
export async function warmUpCoach(): Promise<void> {
  const { PROMPT_BANK, DEFAULT_CARDS, DEFAULT_JOURNEYS } = await import("../../../content/index");
  const embedder = await getEmbedder();
  const texts = [
    ...PROMPT_BANK.filter((p) => p.language === "en").map((p) => promptEmbeddingText(p.text, p.themes)),
    ...DEFAULT_CARDS.flatMap((c) => Object.values(c.prompts).map((t) => promptEmbeddingText(t, ["cards"]))),
    ...DEFAULT_JOURNEYS.flatMap((j) => j.phases.flatMap((p) => p.steps.flatMap((st) => st.prompts.map((t) => promptEmbeddingText(t, []))))),
  ];
  // Small slices with a pause between them, so requests served meanwhile are not held up.
  const unique = [...new Set(texts)];
  for (let i = 0; i < unique.length; i += 8) {
    await embedder.embed(unique.slice(i, i + 8));
    await new Promise((r) => setImmediate(r));
  }
  await analyzeText("warming up");
  keyPhrase("warming up the tagger", "en");
}

/**
 * One coach turn: read what the person said, decide whether the phase has done its work,
 * and answer with at most a short acknowledgement or reflection and exactly one open question.
 */
export async function planTurn(ctx: CoachContext, previous: DialogueState, said: string, now = new Date()): Promise<TurnPlan> {
  const state: DialogueState = structuredClone(previous);
  const lang = ctx.language;
  const s = readSignals(said, lang);
  // One neutral text serves both the emotion reading and the question choice, so the sentence
  // is embedded once (the embedder caches by text) and names or gender change neither.
  const basis = neutral(said).slice(0, 2000);
  const analysis = await analyzeText(basis);
  const confidence = analysis.dominant === "unknown" ? 0 : analysis.emotions[analysis.dominant];
  if (analysis.dominant !== "unknown" && confidence >= 0.4) state.emotions.push(analysis.dominant);

  // "I'm ready to move on" and "tomorrow morning" are signals, not phrases to reflect.
  const found = keyPhrase(said, lang, state.reflected);
  const phrase = found && !(s.ready && s.words <= 8) && !(s.timeFrame && s.timeFrame.toLowerCase().includes(found.toLowerCase())) ? found : null;
  if (phrase) state.phrases.push(phrase);
  state.stuckStreak = s.stuck ? state.stuckStreak + 1 : 0;

  const step = nextPhase(ctx, state, s);
  const phase = ctx.phases[step.index];
  const phaseChanged = step.changed;
  if (phaseChanged) {
    state.phaseIndex = step.index;
    state.turnsInPhase = 0;
  }

  if (phase.key === "do" && (s.intends || s.timeFrame) && !s.asksAdvice && !s.stuck) {
    const last = state.commitments.at(-1);
    if (last && !last.timeFrame && !s.intends && s.timeFrame) {
      last.timeFrame = s.timeFrame;
      last.dueAt = resolveDue(s.timeFrame, now);
    } else if (s.intends) {
      state.commitments.push({ text: said.trim().slice(0, 300), timeFrame: s.timeFrame, dueAt: resolveDue(s.timeFrame, now) });
    }
  }
  if (phase.key === "do" && state.lastIntent === "close") state.closed = true;

  const card = cardInPlay(ctx, said);
  const used = new Set(state.usedPrompts);
  const pref = preference(phase.key, state.turnsInPhase, s, state, card);
  const candidates = candidatesFor(ctx, phase, card, phrase, used, s.asksAdvice ? ["handback"] : []);
  const chosen = await choosePrompt(candidates, pref, basis, lang, state.turns, phrase);

  const lines = LINES[lang];
  const parts: string[] = [];
  if (phaseChanged) {
    const bridge = lines.bridge[phase.key];
    const spoken = phrase ?? [...state.reflected].reverse().find((p) => p.split(/\s+/).length >= 2) ?? null;
    if (phase.key === "expand" && card) parts.push(bridge.withCard.replace("{word}", card.word));
    else if (spoken && bridge.withPhrase) parts.push(bridge.withPhrase.replace("{phrase}", spoken));
    else parts.push(card ? bridge.withCard.replace("{word}", card.word) : bridge.plain);
  }
  const question = chosen ? renderPrompt(chosen, card, phrase) : fallbackQuestion(lang, phase.key);
  const usesPhrase = Boolean(chosen?.text.includes("{phrase}"));
  const memo = [...state.phrases].reverse().find((p) => p !== phrase && p.split(/\s+/).length >= 2) ?? null;
  if (s.asksAdvice) parts.push(phrase || memo ? lines.handbackPhrase.replace("{phrase}", (phrase ?? memo)!) : pick(lines.handback, state.turns));
  else if (s.stuck) parts.push(pick(lines.stuck, state.turns));
  else {
    const ack = acknowledgement(ctx, analysis.dominant, confidence, analysis.valence);
    // A reflection every other turn keeps the person's words present without parroting them.
    // The person's own words come back before the question; a strong feeling after a reflected
    // turn is acknowledged instead, so the coach does not only echo.
    const reflect = phrase && !usesPhrase && !phaseChanged && !(ack && state.lastIntent === "reflected");
    if (reflect) parts.push(pick(lines.reflect, state.turns).replace("{phrase}", phrase));
    else if (ack && !phaseChanged) parts.push(ack);
    if (!phrase && !usesPhrase && !phaseChanged && memo && s.words <= 4) parts.push(lines.earlier.replace("{phrase}", memo));
  }
  if (state.turns === 0 && ctx.memories.length > 0 && !s.asksAdvice) parts.unshift(lines.memory.replace("{memory}", ctx.memories[0]));
  if (phase.key === "do" && state.closed && pref.intents[0] === "close") parts.unshift(lines.closing);
  parts.push(question);

  if (chosen) state.usedPrompts.push(chosen.id);
  if (phrase && (usesPhrase || parts.some((p) => p.includes(`'${phrase}'`)))) state.reflected.push(phrase);
  const reflected = Boolean(phrase && parts.some((p) => p.includes(`'${phrase}'`)));
  state.lastIntent = reflected ? "reflected" : (chosen?.intent ?? "fallback");
  if (chosen && ["scaling", "reflect", "obstacle", "close"].includes(chosen.intent)) state.lastIntent = chosen.intent;
  state.turnsInPhase += 1;
  state.turns += 1;
  return {
    text: parts.join(" "),
    state,
    phase: phase.key,
    phaseChanged,
    intent: chosen?.intent ?? "fallback",
    promptId: chosen?.id ?? null,
    phrase: reflected ? phrase : null,
    card,
    emotion: analysis.dominant === "unknown" ? null : analysis.dominant,
  };
}

const FALLBACK: Record<string, Record<PhaseKey, string>> = {
  en: { pause: "What do you notice right now?", expand: "What else do you see?", focus: "What matters most to you in this?", do: "What would you like to take with you?" },
  he: { pause: "מה את/ה שם/ה לב עכשיו?", expand: "מה עוד את/ה רואה?", focus: "מה הכי חשוב לך בזה?", do: "מה היית רוצה לקחת איתך?" },
  es: { pause: "¿Qué notas ahora mismo?", expand: "¿Qué más ves?", focus: "¿Qué es lo que más te importa en esto?", do: "¿Qué te gustaría llevarte?" },
};

/** When every fitting prompt has been asked, a plain open question keeps the door open. */
function fallbackQuestion(lang: string, phase: PhaseKey): string {
  return (FALLBACK[lang] ?? FALLBACK.en)[phase];
}

export type { PromptIntent };
