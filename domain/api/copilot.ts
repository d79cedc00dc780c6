import { z } from "zod";
import { Card, PhaseKey, PromptLanguage } from "../content";
import { ReasonKind } from "./recs";

// The facilitator's copilot in a live session: suggestions only. Nothing here acts on the
// session; the facilitator reads, copies or posts a question themselves.

export const CopilotQuery = z.object({
  language: PromptLanguage.default("en").describe("Language of the suggested questions; English is used where the prompt bank has none"),
});
export type CopilotQuery = z.infer<typeof CopilotQuery>;

export const CopilotPerson = z.object({ participantId: z.string(), displayName: z.string() });
export type CopilotPerson = z.infer<typeof CopilotPerson>;

export const CopilotQuestion = z.object({
  /** Stable for the same suggestion, so a client can tell a new one from the same one again. */
  id: z.string(),
  text: z.string(),
  audience: z.enum(["group", "person"]),
  /** For one person: who. */
  person: CopilotPerson.optional(),
  /**
   * Why this one: `group` a question for everyone in this phase; `journey` the journey's own
   * prompt for this phase; `quiet` an opening for someone not heard from yet; `follow-up` goes
   * deeper into what someone shared.
   */
  kind: z.enum(["group", "journey", "quiet", "follow-up"]),
  /** Where the words come from: the prompt bank, the card's own prompt, the journey, or a plain fallback. */
  source: z.enum(["bank", "card", "journey", "fallback"]),
  /** The card the question is about, when there is one. */
  card: z.object({ id: z.uuid(), word: z.string() }).optional(),
  /** The person's own words the question reflects back, when it does. */
  phrase: z.string().optional(),
});
export type CopilotQuestion = z.infer<typeof CopilotQuestion>;

export const CopilotCard = z.object({
  card: Card.extend({ thumbnailUrl: z.string().optional() }),
  reasonKind: ReasonKind,
  reason: z.string(),
  /** Feedback on this suggestion uses targetType "recommendation" and this id. */
  recommendationId: z.uuid(),
});
export type CopilotCard = z.infer<typeof CopilotCard>;

export const CopilotView = z.object({
  sessionId: z.uuid(),
  /** The session version (last event seq) these suggestions were made from. */
  seq: z.number().int(),
  generatedAt: z.string(),
  phase: z.object({ index: z.number().int(), name: z.string(), key: PhaseKey.nullable() }),
  /** What the shared reflections are circling around; null until someone shares one. */
  theme: z
    .object({
      /** A short phrase in the group's own words. */
      phrase: z.string(),
      /** Words that come back in more than one shared reflection, most frequent first. */
      words: z.array(z.string()),
      reflections: z.number().int(),
    })
    .nullable(),
  /** Group questions first, then questions for one person each. */
  questions: z.array(CopilotQuestion),
  /** Cards not yet in play that fit the emerging theme, from the organisation's recommender. */
  cards: z.array(CopilotCard),
  /** Why there are no cards, e.g. suggestions are turned off for this session. */
  cardsNote: z.string().optional(),
  /** Participants with no chat message and no shared reflection yet. */
  notHeardFrom: z.array(CopilotPerson),
  /** Participants who have not written a reflection yet (private or shared). */
  notReflected: z.array(CopilotPerson),
  /** People whose shared words suggest they may need care: check in with them privately; no questions are built from those words. */
  care: z.array(CopilotPerson),
});
export type CopilotView = z.infer<typeof CopilotView>;
