import { z } from "zod";

/** One STUN or TURN server, in the shape browsers take (RTCIceServer). */
export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** Optional: a facilitator may ask to be put into one breakout room (to visit it). */
export const MediaTokenInput = z
  .object({ breakoutRoom: z.number().int().min(0).max(99).optional() })
  .optional()
  .default({});
export type MediaTokenInput = z.infer<typeof MediaTokenInput>;

/**
 * How this person's browser connects its audio and video: straight to the others in the room
 * (mesh, with these ICE servers) or through the studio's LiveKit server with a room token.
 */
export const MediaConnection = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("mesh"), iceServers: z.array(IceServer) }),
  z.object({
    mode: z.literal("livekit"),
    url: z.string(),
    token: z.string(),
    room: z.string(),
    /** Which room of the session this is: the main room, or a breakout's index. */
    breakoutRoom: z.number().int().nullable(),
    expiresAt: z.string(),
  }),
]);
export type MediaConnection = z.infer<typeof MediaConnection>;

/** Server-side transcription: available only when an engine and its model file are configured. */
export const TranscriptionStatus = z.object({
  available: z.boolean(),
  engine: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TranscriptionStatus = z.infer<typeof TranscriptionStatus>;

export const TranscribeQuery = z.object({
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, "language is a code such as en, he or es-MX")
    .optional()
    .describe("The language spoken, when known; otherwise the engine detects it"),
});
export const TranscriptionResult = z.object({
  text: z.string().describe("What was said; empty when nothing was heard"),
  language: z.string().nullable(),
});
export type TranscriptionResult = z.infer<typeof TranscriptionResult>;
