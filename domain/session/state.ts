import type {
  AdmissionMode,
  CardState,
  CommandError,
  JourneyPhase,
  Participant,
  ParticipantRole,
  SessionState,
  TimerState,
} from "./types";
import type { SessionEvent } from "./events";

/** Stands in for a card id the viewer may not know. */
export const HIDDEN = "hidden";

export interface CreateSessionInput {
  sessionId: string;
  title: string;
  journeyId: string;
  phases: JourneyPhase[];
  admission?: AdmissionMode;
  facilitator: { participantId: string; displayName: string };
  /** When the session was created; the facilitator's join time. */
  createdAt?: number;
}

export const IDLE_TIMER: TimerState = { status: "idle", durationMs: 0, remainingMs: 0 };

export function phaseTimer(phase: JourneyPhase | undefined): TimerState | null {
  if (!phase?.durationSeconds || phase.durationSeconds <= 0) return null;
  const durationMs = Math.round(phase.durationSeconds * 1000);
  return { status: "idle", durationMs, remainingMs: durationMs };
}

export function createInitialState(input: CreateSessionInput): SessionState {
  // A journey with no phases still needs a current phase to show.
  const phases = input.phases.length > 0 ? input.phases : [{ name: "Session" }];
  const facilitator: Participant = {
    id: input.facilitator.participantId,
    displayName: input.facilitator.displayName,
    role: "facilitator",
    admitted: true,
    handRaised: false,
    removed: false,
    joinedAt: input.createdAt ?? 0,
  };
  return {
    sessionId: input.sessionId,
    title: input.title,
    journey: { journeyId: input.journeyId, phases },
    phase: { index: 0, name: phases[0].name },
    status: "lobby",
    admission: input.admission ?? "auto",
    locked: false,
    participants: { [facilitator.id]: facilitator },
    cards: {},
    decks: {},
    spotlight: null,
    reflections: [],
    chat: [],
    reactions: { counts: {}, recent: [] },
    commitments: [],
    breakouts: { rooms: [], broadcasts: [], calls: [] },
    timer: phaseTimer(phases[0]) ?? IDLE_TIMER,
    suggestionsEnabled: true,
    nextSlot: 1,
    nextId: 1,
  };
}

export function isFacilitatorRole(role: string | undefined): boolean {
  return role === "facilitator" || role === "cofacilitator";
}

/** Admitted people still in the session, in the order they joined. */
export function activeParticipants(state: SessionState, role?: ParticipantRole): Participant[] {
  return Object.values(state.participants).filter(
    (p) => p.admitted && !p.removed && (role === undefined || p.role === role),
  );
}

/** The person a card belongs to: whose hand it is in, or who chose it on the table. */
export function holderOf(card: CardState): string | undefined {
  if (card.location.kind === "hand") return card.location.participantId;
  if (card.location.kind === "table") return card.chosenBy;
  return undefined;
}

/** Whether a viewer may know which card this is. */
export function cardVisibleTo(card: { faceUp: boolean; holderId?: string }, viewerId: string, viewerIsFacilitator: boolean): boolean {
  return viewerIsFacilitator || card.faceUp || card.holderId === viewerId;
}

export function hiddenKey(slot: number): string {
  return `${HIDDEN}:${slot}`;
}

/** The key a card is stored under: its id, or a slot placeholder when the id is withheld. */
export function cardKey(cardId: string, slot: number): string {
  return cardId === HIDDEN ? hiddenKey(slot) : cardId;
}

/**
 * Finds a card by the reference an event carries. The full state always finds it by id;
 * a redacted copy may hold it under its slot placeholder (or under its real id while the
 * event hides it), so the slot is the fallback.
 */
export function findCardKey(cards: Record<string, CardState>, cardId: string, slot: number): string | undefined {
  if (cardId !== HIDDEN && cards[cardId] && cards[cardId].slot === slot) return cardId;
  const placeholder = hiddenKey(slot);
  if (cards[placeholder]) return placeholder;
  for (const [key, card] of Object.entries(cards)) if (card.slot === slot) return key;
  return undefined;
}

export type Decision = { ok: true; events: SessionEvent[] } | { ok: false; error: CommandError };

export const accept = (...events: SessionEvent[]): Decision => ({ ok: true, events });
export const forbidden = (message: string): Decision => ({ ok: false, error: { code: "forbidden", message } });
export const invalid = (message: string): Decision => ({ ok: false, error: { code: "invalid", message } });
export const conflict = (message: string): Decision => ({ ok: false, error: { code: "conflict", message } });

export function nameOf(state: SessionState, participantId: string): string {
  return state.participants[participantId]?.displayName ?? "That person";
}

/** Who is acting, with the role the session itself gives them. */
export interface Who {
  id: string;
  facilitator: boolean;
}

/** Facilitation actions taken in the lobby open the session first. */
export function startIfInLobby(state: SessionState, now: number): SessionEvent[] {
  return state.status === "lobby" ? [{ type: "session.started", payload: { at: now } }] : [];
}
