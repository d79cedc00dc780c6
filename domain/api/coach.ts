import { z } from "zod";
import { PhaseKey } from "../content";

// The coach's public contract: conversations, messages, summaries, memories, feedback,
// commitments and the organisation's model settings.

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const CreateConversationInput = z.object({
  topic: text(1, 300).optional(),
  cardIds: z.array(z.uuid()).max(12).optional(),
  journeyId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
});
export type CreateConversationInput = z.infer<typeof CreateConversationInput>;

export const SendMessageInput = z.object({ text: text(1, 4000) });

export const SafetyKind = z.enum(["self_harm", "harm_to_others", "abuse", "medical", "legal", "financial"]);
export type SafetyKind = z.infer<typeof SafetyKind>;

export const HelpResource = z.object({ name: z.string(), contact: z.string() });
export type HelpResource = z.infer<typeof HelpResource>;

export const Safety = z.object({ kind: SafetyKind, resources: z.array(HelpResource) });
export type Safety = z.infer<typeof Safety>;

export const CoachMessage = z.object({
  id: z.uuid(),
  role: z.enum(["user", "coach"]),
  text: z.string(),
  createdAt: z.string().optional(),
  phase: PhaseKey.optional(),
  safety: Safety.optional(),
});
export type CoachMessage = z.infer<typeof CoachMessage>;

export const SendMessageResult = z.object({
  message: CoachMessage.extend({ role: z.literal("coach") }),
  safety: Safety.optional(),
});
export type SendMessageResult = z.infer<typeof SendMessageResult>;

export const ConversationListItem = z.object({
  id: z.uuid(),
  topic: z.string().nullable(),
  journeyId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  cardIds: z.array(z.uuid()),
  language: z.string(),
  phase: PhaseKey,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationListItem = z.infer<typeof ConversationListItem>;

export const Conversation = ConversationListItem.extend({ messages: z.array(CoachMessage) });
export type Conversation = z.infer<typeof Conversation>;

export const SummaryCommitment = z.object({
  text: text(1, 500),
  /** A time frame in the person's words ("within 24 hours"), and the date it resolves to when known. */
  timeFrame: text(1, 120).nullish(),
  dueAt: z.iso.datetime({ offset: true }).nullish(),
});

export const SummaryCard = z.object({ id: z.uuid(), word: z.string() });

export const ConversationSummary = z.object({
  themes: z.array(text(1, 120)).max(12),
  cards: z.array(SummaryCard).max(12),
  commitments: z.array(SummaryCommitment).max(10),
  note: z.string().max(2000).nullish(),
  /** draft: proposed by the coach, not yet kept; kept: the person saved it. */
  status: z.enum(["draft", "kept"]),
  updatedAt: z.string().nullish(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const UpdateSummaryInput = z.object({
  themes: z.array(text(1, 120)).max(12),
  cards: z.array(SummaryCard).max(12).default([]),
  commitments: z.array(SummaryCommitment).max(10),
  note: text(0, 2000).nullish(),
  /** Consent: keep the themes and commitments as memories the coach may use in later conversations. */
  remember: z.boolean().default(false),
  /** Track the commitments with reminders when they are due. */
  track: z.boolean().default(true),
});
export type UpdateSummaryInput = z.infer<typeof UpdateSummaryInput>;

export const MemoryKind = z.enum(["theme", "commitment", "note"]);
export const Memory = z.object({ id: z.uuid(), kind: MemoryKind, text: z.string(), sourceConversationId: z.uuid().nullable(), createdAt: z.string() });
export type Memory = z.infer<typeof Memory>;
export const CreateMemoryInput = z.object({ kind: MemoryKind, text: text(1, 500), sourceConversationId: z.uuid().optional() });

export const AiProviderName = z.enum(["builtin", "openai", "anthropic"]);
export const UpdateAiSettingsInput = z
  .object({
    provider: AiProviderName,
    baseUrl: z.url().regex(/^https?:\/\//, "Must be an http(s) URL").optional(),
    model: text(1, 200).optional(),
    /** Write-only: stored encrypted and never returned. An empty string removes a stored key. */
    apiKey: z.string().max(500).optional(),
  })
  .refine((v) => v.provider === "builtin" || v.model !== undefined, { message: "model is required for this provider", path: ["model"] });
export type UpdateAiSettingsInput = z.infer<typeof UpdateAiSettingsInput>;
export const AiSettings = z.object({
  provider: AiProviderName,
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  hasApiKey: z.boolean(),
  /** "organisation" when set here, "server" when the studio's configuration applies. */
  source: z.enum(["organisation", "server"]),
});
export type AiSettings = z.infer<typeof AiSettings>;

export const FeedbackTargetType = z.enum(["card", "coachMessage", "recommendation", "journey"]);
export const FeedbackSignal = z.enum(["chosen", "kept", "swapped", "resonant", "not-resonant", "helpful", "not-helpful"]);
export const FeedbackInput = z.object({
  targetType: FeedbackTargetType,
  targetId: z.uuid(),
  signal: FeedbackSignal,
  value: z.number().min(-1000).max(1000).optional(),
  /** Optional words on why (e.g. why a coach turn did not help). */
  reason: text(1, 500).optional(),
  /** Where the signal was given; for a recommendation, `recommendationIds` lists the ids that were shown. */
  context: z
    .object({
      sessionId: z.uuid().optional(),
      conversationId: z.uuid().optional(),
      recommendationIds: z.array(z.uuid()).max(100).optional(),
    })
    .optional(),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const CommitmentStatus = z.enum(["open", "done", "dropped"]);
export const Commitment = z.object({
  id: z.uuid(),
  text: z.string(),
  dueAt: z.string().nullable(),
  status: CommitmentStatus,
  sessionId: z.uuid().nullable(),
  completedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  followUps: z.array(z.object({ at: z.string(), kind: z.string(), note: z.string().optional() })),
  followUpCount: z.number().int(),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof Commitment>;
export const CreateCommitmentInput = z.object({ text: text(1, 500), dueAt: z.iso.datetime({ offset: true }).optional() });
export const UpdateCommitmentInput = z
  .object({
    status: CommitmentStatus.optional(),
    /** Reschedule: a new due date; a reminder will be sent again when it comes. */
    dueAt: z.iso.datetime({ offset: true }).optional(),
    /** A reflection on how it went, kept with the commitment's follow-ups. */
    note: text(1, 1000).optional(),
  })
  .refine((v) => v.status !== undefined || v.dueAt !== undefined || v.note !== undefined, { message: "Send a status, a new dueAt or a note." });
export type UpdateCommitmentInput = z.infer<typeof UpdateCommitmentInput>;

export const Notification = z.object({ id: z.uuid(), kind: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: z.string(), readAt: z.string().nullable() });
export type Notification = z.infer<typeof Notification>;
