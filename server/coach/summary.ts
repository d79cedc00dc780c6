import { ConversationSummary } from "../../domain/api/coach";
import type { CoachCard, DialogueState } from "./engine/types";

const EMOTION_THEMES: Record<string, string> = { sadness: "sadness", fear: "worry", anger: "what feels unfair", joy: "joy", surprise: "surprise", calm: "calm" };

/**
 * What the coach proposes to keep: the person's own recurring phrases as themes, the cards
 * in play, and the commitments they stated with their time frames. Nothing is kept until
 * the person saves it (PUT), and they may edit every line first.
 */
export function draftSummary(state: DialogueState, cards: CoachCard[]): ConversationSummary {
  const seen = new Set<string>();
  const themes: string[] = [];
  for (const p of [...state.reflected, ...state.phrases]) {
    const key = p.toLowerCase();
    if (seen.has(key) || p.length > 120 || state.commitments.some((c) => c.timeFrame?.toLowerCase() === key)) continue;
    seen.add(key);
    themes.push(p);
    if (themes.length >= 5) break;
  }
  const counts = new Map<string, number>();
  for (const e of state.emotions) counts.set(e, (counts.get(e) ?? 0) + 1);
  const felt = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (felt && felt[1] >= 2 && EMOTION_THEMES[felt[0]]) themes.push(EMOTION_THEMES[felt[0]]);
  return {
    themes,
    cards: cards.map((c) => ({ id: c.id, word: c.word })),
    commitments: state.commitments.slice(-5).map((c) => ({ text: c.text, timeFrame: c.timeFrame, dueAt: c.dueAt })),
    note: null,
    status: "draft",
    updatedAt: null,
  };
}

/** A stored summary, or null when there is none (or it no longer reads as one). */
export function readSummary(raw: unknown): (ConversationSummary & { tracked?: string[] }) | null {
  if (!raw || typeof raw !== "object") return null;
  const parsed = ConversationSummary.safeParse(raw);
  if (!parsed.success) return null;
  const tracked = (raw as { tracked?: unknown }).tracked;
  return { ...parsed.data, tracked: Array.isArray(tracked) ? tracked.filter((t): t is string => typeof t === "string") : [] };
}
