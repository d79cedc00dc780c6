import type { CardPrompts, PhaseKey } from "../../../domain/content";

export type CoachLanguage = "en" | "he" | "es";

export interface CoachCard {
  id: string;
  word: string;
  description?: string;
  prompts: CardPrompts;
  language: string;
}

export interface CoachPhase {
  key: PhaseKey;
  name: string;
  purpose: string;
  /** The journey's own prompts for this phase (its steps'), in the journey's language. */
  prompts: string[];
}

/** What the coach knows about a conversation: loaded once per turn from the database or a scenario. */
export interface CoachContext {
  language: CoachLanguage;
  topic?: string;
  phases: CoachPhase[];
  cards: CoachCard[];
  /** Themes and commitments the person chose to keep from earlier conversations. */
  memories: string[];
  /** Names the person did not choose to share with a remote model (their own, others'). */
  knownNames: string[];
}

export interface StatedCommitment {
  text: string;
  timeFrame: string | null;
  dueAt: string | null;
}

/** The engine's working memory, stored with the conversation between turns. */
export interface DialogueState {
  phaseIndex: number;
  turnsInPhase: number;
  turns: number;
  usedPrompts: string[];
  /** Key phrases the person used, in order; reflected phrases are not reflected twice. */
  phrases: string[];
  reflected: string[];
  emotions: string[];
  commitments: StatedCommitment[];
  lastIntent?: string;
  stuckStreak: number;
  closed: boolean;
}

export function initialState(): DialogueState {
  return { phaseIndex: 0, turnsInPhase: 0, turns: 0, usedPrompts: [], phrases: [], reflected: [], emotions: [], commitments: [], stuckStreak: 0, closed: false };
}

/** Reads stored state defensively: older rows or hand edits must never break a conversation. */
export function readState(raw: Record<string, unknown> | null | undefined): DialogueState {
  const base = initialState();
  if (!raw || typeof raw !== "object") return base;
  const arr = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : d);
  return {
    phaseIndex: num(raw.phaseIndex, 0),
    turnsInPhase: num(raw.turnsInPhase, 0),
    turns: num(raw.turns, 0),
    usedPrompts: arr(raw.usedPrompts),
    phrases: arr(raw.phrases),
    reflected: arr(raw.reflected),
    emotions: arr(raw.emotions),
    commitments: Array.isArray(raw.commitments)
      ? (raw.commitments as StatedCommitment[]).filter((c) => c && typeof c.text === "string").map((c) => ({ text: c.text, timeFrame: c.timeFrame ?? null, dueAt: c.dueAt ?? null }))
      : [],
    lastIntent: typeof raw.lastIntent === "string" ? raw.lastIntent : undefined,
    stuckStreak: num(raw.stuckStreak, 0),
    closed: raw.closed === true,
  };
}

export interface TurnPlan {
  text: string;
  state: DialogueState;
  phase: PhaseKey;
  phaseChanged: boolean;
  intent: string;
  promptId: string | null;
  /** The phrase reflected back, if any. */
  phrase: string | null;
  card: CoachCard | null;
  emotion: string | null;
}
