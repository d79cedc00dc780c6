import { z } from "zod";
import type { SessionEvent, SessionState } from "./session";
import { faceWindowSchema, voiceWindowSchema, type FaceWindow, type VoiceWindow } from "./signals";
import type { MediaAck, MediaCaptionMessage, MediaCaptionRequest, MediaJoinRequest, MediaPeer, MediaPeerState, MediaRoomAnswer, MediaSignalMessage, MediaSignalRequest } from "./realtime-media";

// The realtime protocol on the Socket.IO namespace `/live`, typed for both ends:
// `new Server<ClientToServerEvents, ServerToClientEvents>()` on the server and
// `io(url) as Socket<ServerToClientEvents, ClientToServerEvents>` in the browser.

export const LIVE_NAMESPACE = "/live";

/** Socket.IO room names: one per session, one per breakout room, one per person. */
export const liveRooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  breakout: (sessionId: string, roomIndex: number) => `session:${sessionId}:breakout:${roomIndex}`,
  person: (personId: string) => `person:${personId}`,
  facilitators: (sessionId: string) => `session:${sessionId}:facilitators`,
  /** Audio and video: `main` or `breakout:<index>` (see domain/realtime-media.ts). */
  media: (sessionId: string, roomKey: string) => `session:${sessionId}:media:${roomKey}`,
};

export type RealtimeErrorCode =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited";

export interface RealtimeError {
  code: RealtimeErrorCode;
  message: string;
}

// --- client → server -------------------------------------------------------------------

export const sessionJoinSchema = z.object({
  sessionId: z
    .string({ error: "Say which session to join." })
    .min(1, { error: "Say which session to join." })
    .max(200, { error: "That session id is too long." }),
  lastSeq: z
    .number({ error: "lastSeq must be a number." })
    .int({ error: "lastSeq must be a whole number." })
    .min(0, { error: "lastSeq cannot be negative." })
    .optional(),
});
export type SessionJoinRequest = z.infer<typeof sessionJoinSchema>;

/** The envelope of `session:command`; the payload itself is checked by `parseCommand`. */
export const commandEnvelopeSchema = z.object({
  id: z
    .string({ error: "Every command needs an id chosen by the client." })
    .min(1, { error: "The command id cannot be empty." })
    .max(100, { error: "The command id can be at most 100 characters long." }),
  type: z.string({ error: "Every command needs a type." }).min(1, { error: "Every command needs a type." }).max(100),
  payload: z.unknown().optional(),
});
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

/** Aggregates a participant's browser computes from voice and face, sent only with consent. */
export const signalsShareSchema = z.object({
  sessionId: z.string().min(1).max(200),
  windowMs: z.number().int().min(1000).max(600_000),
  engagement: z.number().min(0).max(1).optional(),
  valence: z.number().min(-1).max(1).optional(),
  speakingMs: z.number().int().min(0).optional(),
  /** The window's voice numbers (only with voice consent); see domain/signals.ts. */
  voice: voiceWindowSchema.optional(),
  /** The window's face numbers (only with face consent). */
  face: faceWindowSchema.optional(),
});
export type SignalsShare = z.infer<typeof signalsShareSchema>;

export type SessionJoinAck = { ok: true; state: SessionState; seq: number } | { ok: false; error: RealtimeError };
export type CommandAck = { ok: true; seq: number } | { ok: false; error: RealtimeError };

export interface ClientToServerEvents {
  /** Join (or rejoin) a session; answers the state as this person may see it. */
  "session:join": (request: SessionJoinRequest, ack: (answer: SessionJoinAck) => void) => void;
  /** Give a command; acked once its events are stored. Resending the same id applies nothing twice. */
  "session:command": (command: CommandEnvelope, ack: (answer: CommandAck) => void) => void;
  /** Volatile: I am still here (and whether this tab is in view). */
  "presence:heartbeat": (heartbeat: { sessionId: string; active: boolean }) => void;
  /** Volatile: this participant's consented signal aggregates for the last window. */
  "signals:share": (share: SignalsShare) => void;
  /** Join the media room the session puts this seat in (after `session:join`). */
  "media:join": (request: MediaJoinRequest, ack: (answer: MediaRoomAnswer) => void) => void;
  "media:leave": (ack?: (answer: MediaAck) => void) => void;
  /** An offer, answer or ICE candidate for one peer in the same media room. */
  "media:signal": (signal: MediaSignalRequest, ack?: (answer: MediaAck) => void) => void;
  /** Muted, camera off, sharing the screen: shown to the room. */
  "media:state": (state: MediaPeerState) => void;
  /** Volatile: a line of live captions for what this person is saying. */
  "media:caption": (caption: MediaCaptionRequest) => void;
}

// --- server → client -------------------------------------------------------------------

/** One stored event, as this client may see it, in `seq` order with no gaps. */
export type SessionEventMessage = SessionEvent & {
  seq: number;
  /** The participant (or user) who gave the command; the server's own id for its own commands. */
  actorId: string;
  /** Epoch milliseconds when the event was stored. */
  at: number;
};

export interface PresenceUpdate {
  sessionId: string;
  /** Everyone currently connected, with when each was last heard from (epoch ms). */
  present: { participantId: string; active: boolean; lastSeenAt: number }[];
  /** People who left since the last update. Updates are changes, not the whole room. */
  absent?: string[];
}

/** Group-level signals for facilitators; never one person's raw data. */
export interface SignalsAggregate {
  sessionId: string;
  at: number;
  windowMs: number;
  /** How many participants contributed; aggregates are withheld below a minimum group size. */
  contributors: number;
  engagement?: number;
  valence?: number;
  /** Share of speaking time per participant, 0..1, for "everyone speaks before anyone speaks twice". */
  talkShare?: Record<string, number>;
  /** Live per-participant numbers, for the facilitators' engagement strip only; never stored as such. */
  participants?: Record<string, ParticipantSignals>;
  /** People who stopped sharing since the last message (not why). */
  stopped?: string[];
}

export interface ParticipantSignals {
  /** Epoch ms of the window's end. */
  at: number;
  engagement?: number;
  valence?: number;
  voice?: VoiceWindow;
  face?: FaceWindow;
}

export type SafetyKind = "self_harm" | "harm_to_others" | "abuse" | "medical" | "legal" | "financial";

/** Sent only to a session's facilitators when a safety rule answered someone. */
export interface SessionAlert {
  sessionId: string;
  kind: SafetyKind;
  participantId?: string;
  message: string;
  at: number;
  resources?: { name: string; contact: string }[];
}

export interface ServerToClientEvents {
  "session:event": (event: SessionEventMessage) => void;
  /** Volatile, never stored. */
  "presence:update": (update: PresenceUpdate) => void;
  /** Volatile, facilitators only. */
  "signals:aggregate": (aggregate: SignalsAggregate) => void;
  "session:alert": (alert: SessionAlert) => void;
  /** The session moved this person's media (breakouts opened, moved, closed): connect to these peers instead. */
  "media:room": (room: MediaRoomAnswer) => void;
  "media:peer-joined": (peer: MediaPeer) => void;
  "media:peer-left": (left: { peerId: string }) => void;
  "media:peer-updated": (peer: MediaPeer) => void;
  "media:signal": (signal: MediaSignalMessage) => void;
  "media:caption": (caption: MediaCaptionMessage) => void;
}
