// The shape of a live session. Everything here is plain JSON so the same state can be
// stored as a snapshot, sent to browsers and rebuilt from the event log.

export type ParticipantRole = "facilitator" | "cofacilitator" | "participant";
/** `system` is the server itself, issuing membership commands on someone's behalf. */
export type ActorRole = ParticipantRole | "system";

export interface Actor {
  participantId: string;
  role: ActorRole;
}

export interface Viewer {
  participantId: string;
  role: ParticipantRole;
}

export interface PhaseInstructions {
  facilitator: string;
  participant: string;
}

export interface JourneyPhase {
  name: string;
  key?: string;
  instructions?: PhaseInstructions;
  durationSeconds?: number;
}

export interface Participant {
  id: string;
  displayName: string;
  role: ParticipantRole;
  admitted: boolean;
  /** Volatile: filled in by the server from live connections, never by events. */
  present?: boolean;
  handRaised: boolean;
  /** When the hand went up, so the facilitator can take hands in order. */
  handRaisedAt?: number;
  removed: boolean;
  joinedAt: number;
}

export type CardLocation =
  | { kind: "pile" }
  | { kind: "hand"; participantId: string }
  | { kind: "table" };

export interface CardState {
  cardId: string;
  deckId: string;
  location: CardLocation;
  faceUp: boolean;
  chosenBy?: string;
  /**
   * A public handle given each time the card leaves the pile. Redacted copies of the state
   * keep the slot while hiding the card id, so every client can follow a hidden card as it
   * moves and swap in the real id once it is revealed.
   */
  slot?: number;
  /** Only in redacted views: the viewer may not know which card this is. */
  hidden?: true;
}

export interface DeckState {
  /** Card ids in draw order, top first. Redacted views hold placeholders instead. */
  pile: string[];
}

export interface Spotlight {
  cardId: string;
  slot: number;
  participantId?: string;
}

export type Visibility = "private" | "shared";

export interface Reflection {
  id: string;
  participantId: string;
  text: string;
  visibility: Visibility;
  cardId?: string;
  at: number;
  /** Only in redacted views: someone else's private reflection, text withheld. */
  redacted?: true;
}

export interface ChatMessage {
  id: string;
  participantId: string;
  text: string;
  at: number;
}

export const REACTION_EMOJIS = ["👍", "❤️", "👏", "😮", "😂", "🙏", "💡"] as const;
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number];

export interface Reaction {
  participantId: string;
  emoji: ReactionEmoji;
  at: number;
}

export interface Reactions {
  counts: Partial<Record<ReactionEmoji, number>>;
  recent: Reaction[];
}

export interface Commitment {
  id: string;
  participantId: string;
  text: string;
  due?: string;
  at: number;
}

export interface BreakoutRoom {
  index: number;
  participantIds: string[];
}

export interface BreakoutBroadcast {
  id: string;
  text: string;
  at: number;
}

export interface BreakoutCall {
  roomIndex: number;
  participantId: string;
  at: number;
}

export interface Breakouts {
  /** Empty when breakouts are closed. */
  rooms: BreakoutRoom[];
  broadcasts: BreakoutBroadcast[];
  calls: BreakoutCall[];
}

export type TimerStatus = "idle" | "running" | "paused";

export interface TimerState {
  status: TimerStatus;
  durationMs: number;
  /**
   * Remaining time when the timer last changed state. While running, the live value is
   * `endsAt - now` (see `timerRemainingMs`), so no event is needed per tick.
   */
  remainingMs: number;
  startedAt?: number;
  endsAt?: number;
}

export type SessionStatus = "lobby" | "live" | "ended";
export type AdmissionMode = "auto" | "manual";

export interface SessionState {
  sessionId: string;
  title: string;
  journey: { journeyId: string; phases: JourneyPhase[] };
  phase: { index: number; name: string };
  status: SessionStatus;
  admission: AdmissionMode;
  locked: boolean;
  participants: Record<string, Participant>;
  cards: Record<string, CardState>;
  decks: Record<string, DeckState>;
  spotlight: Spotlight | null;
  reflections: Reflection[];
  chat: ChatMessage[];
  reactions: Reactions;
  commitments: Commitment[];
  breakouts: Breakouts;
  timer: TimerState;
  suggestionsEnabled: boolean;
  startedAt?: number;
  endedAt?: number;
  /** Next card slot handle to hand out. */
  nextSlot: number;
  /** Counter behind the ids of reflections, chat messages, commitments and broadcasts. */
  nextId: number;
}

export type ErrorCode = "forbidden" | "invalid" | "conflict";

export interface CommandError {
  code: ErrorCode;
  message: string;
}

export interface DecideContext {
  /** Epoch milliseconds. */
  now: number;
  /** Uniform in [0, 1), seeded by the caller; only used while deciding. */
  random: () => number;
  /** The card ids of a deck, or undefined when the deck does not exist. */
  deckCards: (deckId: string) => readonly string[] | undefined;
}
