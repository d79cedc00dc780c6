import { defaultJourneys } from "../../content/index";
import { JourneyPhase, PHASE_ORDER, type PhaseKey } from "../../domain/content";
import type { CoachContext, CoachLanguage, CoachPhase } from "./engine/types";
import type { CoachRepository, ConversationRow } from "./repository";

const DEFAULT_JOURNEY = defaultJourneys().find((j) => j.audience === "one-to-one") ?? defaultJourneys()[0];

/** Custom phases have no key; the coach treats them by their place in the journey. */
function keyAt(index: number, count: number): PhaseKey {
  return PHASE_ORDER[Math.min(PHASE_ORDER.length - 1, Math.floor((index / Math.max(1, count)) * PHASE_ORDER.length))];
}

export function phasesOf(raw: unknown[]): CoachPhase[] {
  const parsed = raw.flatMap((p) => {
    const r = JourneyPhase.safeParse(p);
    return r.success ? [r.data] : [];
  });
  const list = parsed.length ? parsed : DEFAULT_JOURNEY.phases;
  return list.map((p, i) => ({ key: p.key ?? keyAt(i, list.length), name: p.name, purpose: p.purpose, prompts: p.steps.flatMap((s) => s.prompts) }));
}

export async function loadContext(repo: CoachRepository, conv: ConversationRow, knownNames: string[], memories: string[]): Promise<CoachContext> {
  const orgId = conv.orgId;
  const cardRows = orgId ? await repo.visibleCards(orgId, conv.cardIds) : [];
  let journeyId = conv.journeyId;
  if (!journeyId && conv.sessionId) journeyId = (await repo.session(conv.sessionId))?.journeyId ?? null;
  const journey = journeyId && orgId ? await repo.visibleJourney(orgId, journeyId) : undefined;
  return {
    language: (["en", "he", "es"].includes(conv.language) ? conv.language : "en") as CoachLanguage,
    topic: conv.topic ?? undefined,
    phases: phasesOf(journey?.phases ?? []),
    cards: cardRows.map((c) => ({ id: c.id, word: c.word, description: c.description ?? undefined, prompts: c.prompts, language: c.language })),
    memories,
    knownNames,
  };
}
