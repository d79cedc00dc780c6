import type { DrawMode, Journey, JourneyAudience, PhaseKey } from "../../domain/content";
import { PHOTO_DECK_ID, QUESTION_DECK_ID, WORD_DECK_ID } from "../decks";
import { stableId } from "../ids";

// Journeys are authored in a compact form (minutes, deck by kind) and expanded here, so the
// data files read like a facilitator's plan rather than like JSON.

const DECKS = { photo: PHOTO_DECK_ID, word: WORD_DECK_ID, question: QUESTION_DECK_ID } as const;
const PHASE_NAMES: Record<PhaseKey, string> = { pause: "Pause", expand: "Expand", focus: "Focus", do: "Do" };

export interface StepPlan {
  title: string;
  facilitator: string;
  participant: string;
  minutes: number;
  deck?: keyof typeof DECKS;
  draw?: DrawMode;
  count?: number;
  prompts: string[];
}

export interface PhasePlan {
  key: PhaseKey;
  purpose: string;
  steps: StepPlan[];
}

export interface JourneyPlan {
  slug: string;
  name: string;
  description: string;
  audience: JourneyAudience;
  phases: PhasePlan[];
}

export function buildJourney(plan: JourneyPlan): Journey {
  const base = `journey/${plan.slug}`;
  return {
    id: stableId(base),
    name: plan.name,
    description: plan.description,
    audience: plan.audience,
    orgId: null,
    phases: plan.phases.map((phase) => ({
      key: phase.key,
      name: PHASE_NAMES[phase.key],
      purpose: phase.purpose,
      steps: phase.steps.map((s, i) => ({
        id: stableId(`${base}/${phase.key}/${i}`),
        title: s.title,
        instructions: { facilitator: s.facilitator, participant: s.participant },
        durationSeconds: Math.round(s.minutes * 60),
        deckId: s.deck ? DECKS[s.deck] : null,
        ...(s.draw ? { drawMode: s.draw } : {}),
        ...(s.count !== undefined ? { cardCount: s.count } : {}),
        prompts: s.prompts,
      })),
    })),
  };
}
