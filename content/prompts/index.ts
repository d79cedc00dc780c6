import type { PhaseKey, PromptBankEntry, PromptLanguage } from "../../domain/content";
import { stableId } from "../ids";
import { EN_DO, EN_FOCUS } from "./en-focus-do";
import { EN_EXPAND, EN_PAUSE } from "./en-pause-expand";
import { ES_PROMPTS } from "./es";
import { HE_PROMPTS } from "./he";
import type { PromptRow } from "./types";

const EN_PROMPTS: Record<PhaseKey, readonly PromptRow[]> = { pause: EN_PAUSE, expand: EN_EXPAND, focus: EN_FOCUS, do: EN_DO };

function entries(language: PromptLanguage, byPhase: Readonly<Record<PhaseKey, readonly PromptRow[]>>): PromptBankEntry[] {
  return (Object.keys(byPhase) as PhaseKey[]).flatMap((phase) =>
    byPhase[phase].map(([intent, text, themes]) => ({
      // Keyed by text so reordering the bank never changes an id that feedback may point at.
      id: stableId(`prompt/${language}/${phase}/${text}`),
      phase,
      language,
      intent,
      text,
      themes: themes ? [...themes] : ["general"],
    })),
  );
}

export const PROMPT_BANK: readonly PromptBankEntry[] = [
  ...entries("en", EN_PROMPTS),
  ...entries("he", HE_PROMPTS),
  ...entries("es", ES_PROMPTS),
];

/** Prompts for a phase in a language, optionally narrowed to one intent. */
export function promptsFor(phase: PhaseKey, language: PromptLanguage = "en", intent?: PromptBankEntry["intent"]): PromptBankEntry[] {
  return PROMPT_BANK.filter((p) => p.phase === phase && p.language === language && (!intent || p.intent === intent));
}
