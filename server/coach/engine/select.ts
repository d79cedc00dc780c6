import { PROMPT_BANK } from "../../../content/index";
import { fillPrompt, type PhaseKey, type PromptIntent } from "../../../domain/content";
import { cosine, getEmbedder } from "../../ai/embeddings";
import { stableHash } from "./hash";
import type { CoachCard, CoachContext, CoachPhase } from "./types";

const CLOSED = /^\s*(is|are|do|does|did|can|could|shall|should|would|will|have|has|had)\b/i;

export interface Candidate {
  id: string;
  intent: PromptIntent | "card" | "journey";
  text: string;
  themes: readonly string[];
}

/** Prompts that could be asked now: this phase, this language, not yet asked, placeholders fillable. */
export function candidatesFor(ctx: CoachContext, phase: CoachPhase, card: CoachCard | null, phrase: string | null, used: ReadonlySet<string>, anyPhase: readonly PromptIntent[] = []): Candidate[] {
  const out: Candidate[] = [];
  for (const p of PROMPT_BANK) {
    // Some moves (handing a question back) fit every phase; the bank files them under one.
    if ((p.phase !== phase.key && !anyPhase.includes(p.intent)) || p.language !== ctx.language || p.intent === "group") continue;
    if (used.has(p.id) || !p.text.includes("?")) continue; // one question per turn: invitations without one are left to the facilitator
    if (/^\s*(why|por qué|למה)\b/i.test(p.text)) continue; // "why" invites defence
    if (CLOSED.test(p.text.split(/(?<=[.!])\s+/).pop() ?? "")) continue; // yes/no questions close the conversation
    if (p.text.includes("{word}") && !card) continue;
    if (p.text.includes("{phrase}") && !phrase) continue;
    if (p.themes.includes("cards") && !card && !["stuck", "close"].includes(p.intent)) continue;
    out.push({ id: p.id, intent: p.intent, text: p.text, themes: p.themes });
  }
  // The card's own prompt and the journey's step prompts speak to this moment most directly.
  if (card && (card.language ?? "en") === ctx.language) {
    const own = card.prompts[phase.key];
    const id = `card:${card.id}:${phase.key}`;
    if (own && own.includes("?") && !used.has(id)) out.push({ id, intent: "card", text: own, themes: ["cards"] });
  }
  if (ctx.language === "en") {
    phase.prompts.forEach((text, i) => {
      const id = `journey:${phase.key}:${stableHash(text)}`;
      if (!used.has(id) && !/^\s*why\b/i.test(text) && !CLOSED.test(text) && text.includes("?") && (card || !/\b(card|picture|image|word)\b/i.test(text)) && i < 6) out.push({ id, intent: "journey", text, themes: [] });
    });
  }
  return out;
}

export interface Preference {
  intents: (PromptIntent | "card" | "journey")[];
}

/**
 * Scores each candidate by how well its intent fits the moment (the main signal) and how close
 * it is in meaning to what the person just said (sentence embeddings, English only: the model
 * is English-only). Ties are broken by a hash of the turn, so the coach does not sound scripted.
 */
export async function choosePrompt(candidates: Candidate[], pref: Preference, said: string, language: string, turn: number, phrase: string | null): Promise<Candidate | null> {
  if (candidates.length === 0) return null;
  let similarity: number[] = candidates.map(() => 0);
  if (language === "en" && said.trim()) {
    try {
      const embedder = await getEmbedder();
      const [mine, ...theirs] = await embedder.embed([said, ...candidates.map((c) => promptEmbeddingText(c.text, c.themes))]);
      similarity = theirs.map((v) => cosine(mine, v));
    } catch {
      // Without the embedding model the intent order alone still gives a fitting question.
    }
  }
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  candidates.forEach((c, i) => {
    const rank = pref.intents.indexOf(c.intent);
    const fit = rank === -1 ? 0 : 1.2 - rank * 0.2;
    const personal = c.text.includes("{phrase}") && phrase ? 0.25 : 0;
    const jitter = (stableHash(`${turn}:${c.id}`) % 100) / 1000;
    const score = fit + 0.6 * similarity[i] + personal + jitter;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  });
  return best;
}

/** The text a prompt is embedded as; shared with the warm-up so its cache entries are hit. */
export function promptEmbeddingText(text: string, themes: readonly string[]): string {
  return `${text.replace(/\{(word|phrase)\}/g, "")} ${themes.join(" ")}`.trim();
}

export function renderPrompt(c: Candidate, card: CoachCard | null, phrase: string | null): string {
  return fillPrompt(c.text, { word: card?.word, phrase: phrase ?? undefined });
}

export const PHASE_KEYS: readonly PhaseKey[] = ["pause", "expand", "focus", "do"];
