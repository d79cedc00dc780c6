// Factories shared by the session engine's tests.
import { decide, decideInput } from "./decide";
import type { Command } from "./commands";
import { applyAll } from "./evolve";
import type { SessionEvent } from "./events";
import { seededRandom } from "./random";
import { createInitialState } from "./state";
import type { Decision } from "./state";
import type { ActorRole, AdmissionMode, CommandError, DecideContext, JourneyPhase, SessionState } from "./types";

export const FACILITATOR = "fac";

export const DECKS: Record<string, string[]> = {
  photo: Array.from({ length: 12 }, (_, i) => `photo-${String(i + 1).padStart(2, "0")}`),
  word: Array.from({ length: 6 }, (_, i) => `word-${i + 1}`),
};

export const PHASES: JourneyPhase[] = [
  { name: "Pause", key: "pause", durationSeconds: 120 },
  { name: "Expand", key: "expand" },
  { name: "Focus", key: "focus", durationSeconds: 300 },
  { name: "Do", key: "do" },
];

export function newSession(options: { admission?: AdmissionMode; phases?: JourneyPhase[] } = {}): SessionState {
  return createInitialState({
    sessionId: "s1",
    title: "Team retreat",
    journeyId: "j1",
    phases: options.phases ?? PHASES,
    admission: options.admission ?? "auto",
    facilitator: { participantId: FACILITATOR, displayName: "Fran" },
    createdAt: 0,
  });
}

export function makeCtx(now = 1_000_000, seed = 1): DecideContext {
  return { now, random: seededRandom(seed), deckCards: (deckId) => DECKS[deckId] };
}

/** A small harness that keeps the state and the log, as the server does. */
export class Harness {
  state: SessionState;
  readonly initial: SessionState;
  readonly log: SessionEvent[] = [];
  now = 1_000_000;
  private readonly random: () => number;

  constructor(state: SessionState = newSession(), seed = 7) {
    this.state = state;
    this.initial = state;
    this.random = seededRandom(seed);
  }

  ctx(): DecideContext {
    return { now: this.now, random: this.random, deckCards: (deckId) => DECKS[deckId] };
  }

  private role(actorId: string): ActorRole {
    return this.state.participants[actorId]?.role ?? "participant";
  }

  try(actorId: string, command: Command): Decision {
    const d = decide(this.state, command, { participantId: actorId, role: this.role(actorId) }, this.ctx());
    if (d.ok) {
      this.state = applyAll(this.state, d.events);
      this.log.push(...d.events);
    }
    return d;
  }

  tryInput(actorId: string, input: unknown): Decision {
    const d = decideInput(this.state, input, { participantId: actorId, role: this.role(actorId) }, this.ctx());
    if (d.ok) {
      this.state = applyAll(this.state, d.events);
      this.log.push(...d.events);
    }
    return d;
  }

  /** Runs a command that must succeed and returns its events. */
  do(actorId: string, command: Command): SessionEvent[] {
    const d = this.try(actorId, command);
    if (!d.ok) throw new Error(`${command.type} was rejected: ${d.error.code} — ${d.error.message}`);
    return d.events;
  }

  /** Runs a command that must be rejected and returns the error. */
  reject(actorId: string, command: Command): CommandError {
    const d = this.try(actorId, command);
    if (d.ok) throw new Error(`${command.type} was accepted but should not have been`);
    return d.error;
  }

  join(participantId: string, displayName = participantId, role: "participant" | "cofacilitator" = "participant"): void {
    const d = decide(
      this.state,
      { type: "participant.join", payload: { participantId, displayName, role } },
      { participantId, role: "system" },
      this.ctx(),
    );
    if (!d.ok) throw new Error(`join was rejected: ${d.error.message}`);
    this.state = applyAll(this.state, d.events);
    this.log.push(...d.events);
  }

  /** Card ids in someone's hand, in the state's order. */
  hand(participantId: string): string[] {
    return Object.values(this.state.cards)
      .filter((c) => c.location.kind === "hand" && c.location.participantId === participantId)
      .map((c) => c.cardId);
  }

  table(): string[] {
    return Object.values(this.state.cards)
      .filter((c) => c.location.kind === "table")
      .map((c) => c.cardId);
  }
}
