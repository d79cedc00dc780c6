import { z } from "zod";

// The single contract for cards, decks and journeys: the API validates with these,
// the OpenAPI document is generated from them and the web client infers its types here.

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

export const PhaseKey = z.enum(["pause", "expand", "focus", "do"]);
export type PhaseKey = z.infer<typeof PhaseKey>;
export const PHASE_ORDER: readonly PhaseKey[] = ["pause", "expand", "focus", "do"];

export const DeckKind = z.enum(["photo", "word", "question", "mixed"]);
export type DeckKind = z.infer<typeof DeckKind>;

/** face-down: a random draw; face-up: a spread to choose from; choose: each participant picks their own. */
export const DrawMode = z.enum(["face-down", "face-up", "choose"]);
export type DrawMode = z.infer<typeof DrawMode>;

export const JourneyAudience = z.enum(["one-to-one", "group", "solo", "any"]);
export type JourneyAudience = z.infer<typeof JourneyAudience>;

const Prompt = trimmed(1, 500);

export const CardPrompts = z.object({
  pause: Prompt.optional(),
  expand: Prompt.optional(),
  focus: Prompt.optional(),
  do: Prompt.optional(),
});
export type CardPrompts = z.infer<typeof CardPrompts>;

const Tag = trimmed(1, 40);
const Tags = z.array(Tag).max(20);

export const Card = z.object({
  id: z.uuid(),
  deckId: z.uuid(),
  word: trimmed(1, 80),
  description: z.string().max(1000).optional(),
  // Root-relative paths are allowed because default art is served by the studio itself;
  // anything else must be http(s) so a stored URL can never become a javascript: link.
  imageUrl: z.string().max(2000).regex(/^(https?:\/\/|\/(?!\/))/, "Must be an http(s) or root-relative URL").optional(),
  alt: z.string().max(300),
  prompts: CardPrompts,
  tags: Tags,
  language: z.string().min(2).max(16).default("en"),
});
export type Card = z.infer<typeof Card>;

export const Deck = z.object({
  id: z.uuid(),
  name: trimmed(1, 120),
  kind: DeckKind,
  description: z.string().max(1000).optional(),
  cardCount: z.number().int().nonnegative(),
  orgId: z.uuid().nullable(),
});
export type Deck = z.infer<typeof Deck>;

export const CreateDeckInput = z.object({
  name: trimmed(1, 120),
  kind: DeckKind,
  description: trimmed(0, 1000).optional(),
});
export type CreateDeckInput = z.infer<typeof CreateDeckInput>;

export const CreateCardInput = z.object({
  word: trimmed(1, 80),
  description: trimmed(0, 1000).optional(),
  alt: trimmed(0, 300).optional(),
  prompts: CardPrompts.optional(),
  tags: Tags.optional(),
});
export type CreateCardInput = z.infer<typeof CreateCardInput>;

export const UpdateCardInput = CreateCardInput.partial();
export type UpdateCardInput = z.infer<typeof UpdateCardInput>;

export const UpdateDeckInput = CreateDeckInput.partial();
export type UpdateDeckInput = z.infer<typeof UpdateDeckInput>;

// A day-long step is already far beyond any live session; the cap catches unit mistakes (ms vs s).
const MAX_STEP_SECONDS = 24 * 60 * 60;

const JourneyStepBody = z.object({
  title: trimmed(1, 120),
  instructions: z.object({
    facilitator: trimmed(1, 2000),
    participant: trimmed(1, 2000),
  }),
  durationSeconds: z.number().int().min(0).max(MAX_STEP_SECONDS),
  deckId: z.uuid().nullable().optional(),
  drawMode: DrawMode.optional(),
  cardCount: z.number().int().min(0).max(60).optional(),
  prompts: z.array(Prompt).max(20),
});

export const JourneyStep = JourneyStepBody.extend({ id: z.uuid() });
export type JourneyStep = z.infer<typeof JourneyStep>;

export const JourneyPhase = z.object({
  /** Absent for custom phases that sit outside Pause → Expand → Focus → Do. */
  key: PhaseKey.optional(),
  name: trimmed(1, 80),
  purpose: trimmed(1, 500),
  steps: z.array(JourneyStep).min(1).max(20),
});
export type JourneyPhase = z.infer<typeof JourneyPhase>;

export const Journey = z.object({
  id: z.uuid(),
  name: trimmed(1, 120),
  description: trimmed(0, 2000),
  audience: JourneyAudience,
  phases: z.array(JourneyPhase).min(1).max(12),
  orgId: z.uuid().nullable(),
});
export type Journey = z.infer<typeof Journey>;

// Step ids are optional on input so an editor can send new steps; the server assigns them.
export const JourneyStepInput = JourneyStepBody.extend({ id: z.uuid().optional() });
export type JourneyStepInput = z.infer<typeof JourneyStepInput>;

export const JourneyPhaseInput = JourneyPhase.extend({
  steps: z.array(JourneyStepInput).min(1).max(20),
});
export type JourneyPhaseInput = z.infer<typeof JourneyPhaseInput>;

export const JourneyInput = z.object({
  name: trimmed(1, 120),
  description: trimmed(0, 2000).default(""),
  audience: JourneyAudience.default("any"),
  phases: z.array(JourneyPhaseInput).min(1).max(12),
});
export type JourneyInput = z.infer<typeof JourneyInput>;

export const PromptLanguage = z.enum(["en", "he", "es"]);
export type PromptLanguage = z.infer<typeof PromptLanguage>;

export const PromptIntent = z.enum([
  "arrive", "notice-body", "image", "projection", "surprise", "choice", "swap", "perspective",
  "metaphor", "insight", "value", "action", "timeframe", "scaling", "obstacle", "support",
  "reflect", "stuck", "handback", "close", "group",
]);
export type PromptIntent = z.infer<typeof PromptIntent>;

/**
 * The only placeholders a prompt text may contain:
 * - `{word}`: the word (title) of the card in play;
 * - `{phrase}`: a short phrase in the person's own words, reflected back.
 * A renderer substitutes both; a prompt that needs a value it lacks should be skipped.
 */
export const PROMPT_PLACEHOLDERS = ["word", "phrase"] as const;
export type PromptPlaceholder = (typeof PROMPT_PLACEHOLDERS)[number];

export const PromptBankEntry = z.object({
  id: z.uuid(),
  phase: PhaseKey,
  language: PromptLanguage,
  intent: PromptIntent,
  /** May contain `{word}` and `{phrase}`; see PROMPT_PLACEHOLDERS. */
  text: trimmed(1, 300).refine(
    (t) => [...t.matchAll(/\{([^}]*)\}/g)].every((m) => (PROMPT_PLACEHOLDERS as readonly string[]).includes(m[1])),
    { message: "Only {word} and {phrase} placeholders are allowed" },
  ),
  themes: z.array(Tag).max(12),
});
export type PromptBankEntry = z.infer<typeof PromptBankEntry>;

/** Fills `{word}` and `{phrase}`; unknown braces are left as written. */
export function fillPrompt(text: string, values: Partial<Record<PromptPlaceholder, string>>): string {
  return text.replace(/\{(word|phrase)\}/g, (whole, key: PromptPlaceholder) => values[key] ?? whole);
}
