import { z } from "zod";
import { ZoomRecordEvent } from "./integrations";

/** Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to read aloud. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{6}$/, "A join code has 6 letters and digits"));

export const CreateSessionInput = z.object({
  title: z.string().trim().min(1, "Give the session a title").max(160),
  journeyId: z.uuid(),
  admission: z.enum(["auto", "manual"]).default("auto"),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateSessionInput = z.infer<typeof CreateSessionInput>;

export const SessionSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  joinCode: z.string(),
  joinUrl: z.string(),
  journeyId: z.uuid().nullable(),
  admission: z.enum(["auto", "manual"]),
  status: z.enum(["scheduled", "live", "ended"]),
  scheduledAt: z.string().nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  /** The facilitator's own participant id in the live session. */
  participantId: z.uuid().nullable(),
  participantCount: z.number().int(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const JoinSessionInput = z.object({
  joinCode: JoinCode,
  displayName: z.string().trim().min(1, "Enter the name others will see").max(60, "Use at most 60 characters"),
});
export const JoinSessionResult = z.object({
  sessionId: z.uuid(),
  participantId: z.uuid(),
  token: z.string(),
  title: z.string(),
  admitted: z.boolean(),
});
export type JoinSessionResult = z.infer<typeof JoinSessionResult>;

export const AddCofacilitatorInput = z.object({ userId: z.uuid() });

export const ClaimJournalInput = z.object({ participantToken: z.string().min(20).max(2000) });

export const SessionRecord = z.object({
  session: SessionSummary,
  phases: z.array(z.object({ index: z.number().int(), name: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), seconds: z.number() })),
  cards: z.array(
    z.object({ cardId: z.string(), word: z.string().nullable(), event: z.enum(["dealt", "chosen", "swapped", "placed", "spotlighted", "flipped"]), participantId: z.string().nullable(), at: z.string() }),
  ),
  reflections: z.array(z.object({ id: z.string(), participantId: z.string(), displayName: z.string(), text: z.string(), cardId: z.string().nullable(), at: z.string() })),
  commitments: z.array(z.object({ participantId: z.string(), displayName: z.string(), text: z.string(), due: z.string().nullable(), at: z.string() })),
  breakouts: z.array(z.object({ openedAt: z.string(), rooms: z.number().int() })),
  participants: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
  /** The session's Zoom meeting and what Zoom reported of it, when it has one. */
  zoom: z.object({ meetingId: z.string(), joinUrl: z.string(), events: z.array(ZoomRecordEvent) }).nullable().optional(),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

export const JournalEntry = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  at: z.string(),
  displayName: z.string(),
  reflections: z.array(z.object({ text: z.string(), visibility: z.enum(["private", "shared"]), cardId: z.string().nullable(), at: z.string() })),
  commitments: z.array(z.object({ id: z.uuid(), text: z.string(), due: z.string().nullable(), status: z.string() })),
  cards: z.array(z.object({ cardId: z.string(), word: z.string().nullable(), imageUrl: z.string().nullable() })),
});
export type JournalEntry = z.infer<typeof JournalEntry>;
