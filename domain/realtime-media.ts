import { z } from "zod";

// Audio and video on the `/live` namespace: signalling for the built-in WebRTC mesh and live
// captions. Media rooms follow the session: the main room, or the breakout a person is in.
// The events are declared in ClientToServerEvents / ServerToClientEvents (domain/realtime.ts).

/** A mesh sends every stream to every peer; beyond this many people a room needs an SFU. */
export const MESH_MAX_PEERS = 8;
/** How long a dropped connection keeps its place before the others are told it left. */
export const MEDIA_RESUME_GRACE_MS = 10_000;
export const CAPTION_MAX_CHARS = 300;

/** `main`, or `breakout:<index>`. */
export type MediaRoomKey = "main" | `breakout:${number}`;

export function mediaRoomKey(breakout: number | null): MediaRoomKey {
  return breakout === null ? "main" : `breakout:${breakout}`;
}

export const mediaJoinSchema = z.object({
  sessionId: z.string().min(1, { error: "Say which session's media to join." }).max(200),
  /** `livekit` peers take part in captions and the peer list; only `mesh` peers are counted against its limit. */
  mode: z.enum(["mesh", "livekit"]).default("mesh"),
  /** Facilitators may visit a breakout room; participants go where the session puts them. */
  visit: z.number().int().min(0).max(99).nullable().optional(),
  /** A peer id held before a dropped connection, to keep the same place without renegotiating everything. */
  resume: z.string().min(1).max(64).optional(),
  audio: z.boolean().default(true),
  video: z.boolean().default(true),
});
export type MediaJoinRequest = z.input<typeof mediaJoinSchema>;

const sdpSchema = z.object({
  type: z.enum(["offer", "answer", "pranswer", "rollback"]),
  sdp: z.string().max(64_000, { error: "That session description is too large." }).optional(),
});

const candidateSchema = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(1_000).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** An offer, an answer or an ICE candidate for one peer in the same room. */
export const mediaSignalSchema = z
  .object({
    to: z.string().min(1, { error: "Say which peer the signal is for." }).max(64),
    description: sdpSchema.optional(),
    /** `null` marks the end of candidates. */
    candidate: candidateSchema.nullable().optional(),
  })
  .refine((s) => s.description !== undefined || s.candidate !== undefined, { error: "A signal carries a description or a candidate." });
export type MediaSignalRequest = z.infer<typeof mediaSignalSchema>;

export const mediaStateSchema = z.object({
  audio: z.boolean(),
  video: z.boolean(),
  screen: z.boolean().default(false),
});
export type MediaPeerState = z.infer<typeof mediaStateSchema>;

export const mediaCaptionSchema = z.object({
  text: z.string().min(1, { error: "A caption needs some words." }).max(CAPTION_MAX_CHARS, { error: `A caption is at most ${CAPTION_MAX_CHARS} characters.` }),
  /** A final caption is a finished phrase; interim ones are replaced by the next. */
  final: z.boolean(),
  /** The speech recognition language, e.g. `en-US`. */
  lang: z.string().max(20).optional(),
});
export type MediaCaptionRequest = z.infer<typeof mediaCaptionSchema>;

export interface MediaPeer extends MediaPeerState {
  peerId: string;
  participantId: string;
  mode: "mesh" | "livekit";
}

export interface MediaRoom {
  key: MediaRoomKey;
  /** The breakout index, or null for the main room. */
  breakout: number | null;
}

interface MediaRoomError {
  code: "invalid" | "forbidden" | "not_found" | "conflict" | "rate_limited";
  message: string;
}

/** The answer to `media:join`, and what `media:room` says when the session moves someone. */
export type MediaRoomAnswer =
  | { ok: true; peerId: string; room: MediaRoom; peers: MediaPeer[]; maxPeers: number }
  | { ok: false; error: MediaRoomError };

export type MediaAck = { ok: true } | { ok: false; error: MediaRoomError };

export interface MediaSignalMessage {
  from: string;
  description?: { type: "offer" | "answer" | "pranswer" | "rollback"; sdp?: string };
  candidate?: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null } | null;
}

export interface MediaCaptionMessage {
  peerId: string;
  participantId: string;
  text: string;
  final: boolean;
  at: number;
}
