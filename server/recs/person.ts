import { PHASE_ORDER, type PhaseKey } from "../../domain/content";
import type { SessionState } from "../../domain/session";
import type { AppContext } from "../context";
import { forbidden, invalid, notFound } from "../errors";
import { hasRole, type Actor, type GuestActor } from "../policies";
import type { RecsRepository, Viewer } from "./repository";

/** Who is asking, in which moment, and which words of theirs the suggestions may use. */
export interface PersonContext {
  viewer: Viewer;
  /** A stable id for experiment assignment: the user, or the session guest. */
  unitId: string;
  sessionId: string | null;
  sessionTitle: string | null;
  phase: PhaseKey | null;
  /** Reflections to match, most recent first. */
  words: string[];
  /** Cards in this person's hand or face up on the table: suggesting them again helps nobody. */
  inPlay: Set<string>;
  suggestionsEnabled: boolean;
}

const MAX_WORDS = 5;

function phaseOf(state: SessionState): PhaseKey | null {
  const phase = state.journey.phases[state.phase.index];
  const key = (phase?.key ?? phase?.name ?? "").toLowerCase();
  return (PHASE_ORDER as readonly string[]).includes(key) ? (key as PhaseKey) : null;
}

/**
 * Reads the live session as this person may see it. A participant's suggestions use only their
 * own reflections (private or shared), never another's; facilitators also hear what the group
 * shared, since they see it anyway. Nothing here reaches the answer except through the ranking.
 */
export async function personContext(ctx: AppContext, repo: RecsRepository, actor: Actor | GuestActor, requestedSessionId: string | undefined, phase: PhaseKey | undefined, forParticipantId?: string): Promise<PersonContext> {
  let orgId: string;
  let seat: { id: string; facilitates: boolean } | null = null;
  const sessionId = requestedSessionId ?? (actor.kind === "participant" ? actor.sessionId : undefined);
  let state: SessionState | null = null;
  if (actor.kind === "participant") {
    if (sessionId !== actor.sessionId) throw forbidden("A session guest can only ask for suggestions in their own session.");
    const current = await ctx.live.current(actor.sessionId);
    if (!current) throw notFound("That session");
    orgId = current.orgId;
    state = current.state;
    seat = { id: actor.participantId, facilitates: false };
  } else {
    if (!actor.orgId) throw forbidden("You are not a member of any organisation.");
    orgId = actor.orgId;
    if (sessionId) {
      const current = await ctx.live.current(sessionId);
      if (!current || current.orgId !== orgId) throw notFound("That session");
      state = current.state;
      const row = await repo.seatOf(sessionId, actor.userId);
      if (row) seat = { id: row.id, facilitates: row.role !== "participant" };
      else if (hasRole(actor.role, "admin")) seat = null;
      else throw forbidden("You are not in this session.");
    }
  }
  const viewer: Viewer = { orgId, userId: actor.kind === "user" ? actor.userId : null, participantId: actor.kind === "participant" ? actor.participantId : null };
  const unitId = actor.kind === "user" ? actor.userId : actor.participantId;
  if (!state && forParticipantId) throw invalid("Suggestions for a participant need the session they are in (sessionId).");
  if (!state) return { viewer, unitId, sessionId: null, sessionTitle: null, phase: phase ?? null, words: [], inPlay: new Set(), suggestionsEnabled: true };

  const facilitates = seat === null || seat.facilitates;
  let forSomeone = false;
  if (forParticipantId && forParticipantId !== seat?.id) {
    // Suggestions about someone else are a facilitator's tool; a guest never gets them.
    if (!facilitates) throw forbidden("Only the session's facilitators can ask for suggestions for someone else.");
    if (!state.participants[forParticipantId]) throw notFound("That participant");
    seat = { id: forParticipantId, facilitates: false };
    forSomeone = true;
  }
  const words = state.reflections
    // For a chosen participant: only what they shared, which is what the facilitator sees anyway.
    .filter((r) => !r.redacted && (forSomeone ? r.participantId === seat?.id && r.visibility === "shared" : r.participantId === seat?.id || (facilitates && r.visibility === "shared")))
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_WORDS)
    .map((r) => r.text);
  const inPlay = new Set<string>();
  for (const card of Object.values(state.cards)) {
    const mine = card.location.kind === "hand" && card.location.participantId === seat?.id;
    if (mine || (card.location.kind === "table" && card.faceUp)) inPlay.add(card.cardId);
  }
  return { viewer, unitId, sessionId: sessionId ?? null, sessionTitle: state.title, phase: phase ?? phaseOf(state), words, inPlay, suggestionsEnabled: state.suggestionsEnabled };
}

/** A few words per phase of the method, so the moment nudges which cards come up. */
export const PHASE_HINTS: Record<PhaseKey, string> = {
  pause: "pause, breathe, notice the body, feelings and thoughts",
  expand: "new perspectives and possibilities, seeing it differently",
  focus: "what matters most, the one insight to keep",
  do: "one concrete step to take, a commitment and action",
};
