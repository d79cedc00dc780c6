import type { DrawMode, JourneyAudience, JourneyInput, JourneyPhaseInput, JourneyStepInput, PhaseKey } from "../../../../domain/content";
import type { LibraryJourney } from "./api";

export const AUDIENCES: readonly JourneyAudience[] = ["any", "one-to-one", "group", "solo"];
export const DRAW_MODES: readonly DrawMode[] = ["face-down", "face-up", "choose"];

export type { DrawMode, JourneyAudience, JourneyInput, JourneyPhaseInput, JourneyStepInput, PhaseKey };

export function blankStep(): JourneyStepInput {
  return { title: "", instructions: { facilitator: "", participant: "" }, durationSeconds: 300, prompts: [] };
}

export function blankPhase(key?: PhaseKey, name = ""): JourneyPhaseInput {
  return { key, name, purpose: "", steps: [blankStep()] };
}

/** A new journey starts from the classic Pause → Expand → Focus → Do. */
export function blankJourney(phaseNames: Record<PhaseKey, string>): JourneyInput {
  return {
    name: "",
    description: "",
    audience: "any",
    phases: (["pause", "expand", "focus", "do"] as const).map((key) => blankPhase(key, phaseNames[key])),
  };
}

/** The editable part of a stored journey; step ids are kept so the server updates, not replaces, them. */
export function inputFromJourney(journey: LibraryJourney): JourneyInput {
  return {
    name: journey.name,
    description: journey.description,
    audience: journey.audience,
    phases: journey.phases.map((p) => ({ key: p.key, name: p.name, purpose: p.purpose, steps: p.steps.map((s) => ({ ...s, prompts: [...s.prompts] })) })),
  };
}

export function moveIn<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Trims text and drops empty prompts and optional card fields, so the server sees clean input. */
export function cleanJourney(input: JourneyInput): JourneyInput {
  return {
    name: input.name.trim(),
    description: input.description.trim(),
    audience: input.audience,
    phases: input.phases.map((p) => ({
      ...(p.key ? { key: p.key } : {}),
      name: p.name.trim(),
      purpose: p.purpose.trim(),
      steps: p.steps.map((s) => ({
        ...(s.id ? { id: s.id } : {}),
        title: s.title.trim(),
        instructions: { facilitator: s.instructions.facilitator.trim(), participant: s.instructions.participant.trim() },
        durationSeconds: s.durationSeconds,
        ...(s.deckId ? { deckId: s.deckId, drawMode: s.drawMode ?? "face-up", cardCount: s.cardCount ?? 1 } : {}),
        prompts: s.prompts.map((q) => q.trim()).filter(Boolean),
      })),
    })),
  };
}

export function totalMinutes(journey: Pick<JourneyInput, "phases">): number {
  return Math.round(journey.phases.reduce((sum, p) => sum + p.steps.reduce((s, step) => s + step.durationSeconds, 0), 0) / 60);
}
