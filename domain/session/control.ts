import type { CommandPayloads } from "./commands";
import { event } from "./events";
import type { EventOf } from "./events";
import { accept, conflict, invalid, phaseTimer, startIfInLobby } from "./state";
import type { Decision } from "./state";
import type { Participant, SessionState } from "./types";

// The facilitator's steering: moving through the journey's phases and running the
// session itself (start, lock, admission, end, live suggestions).

function goToPhase(state: SessionState, index: number, now: number): Decision {
  const phase = state.journey.phases[index];
  // A running timer belongs to the facilitator's flow; only an idle or paused one is
  // replaced by the new phase's planned duration.
  const timer = state.timer.status === "running" ? null : phaseTimer(phase);
  return accept(...startIfInLobby(state, now), event("phase.changed", { index, name: phase.name, timer }));
}

export function nextPhase(state: SessionState, now: number): Decision {
  if (state.phase.index + 1 >= state.journey.phases.length) return conflict("This is already the last phase of the journey.");
  return goToPhase(state, state.phase.index + 1, now);
}

export function previousPhase(state: SessionState, now: number): Decision {
  if (state.phase.index === 0) return conflict("This is already the first phase of the journey.");
  return goToPhase(state, state.phase.index - 1, now);
}

export function gotoPhase(state: SessionState, payload: CommandPayloads["phase.goto"], now: number): Decision {
  const count = state.journey.phases.length;
  if (payload.index >= count) {
    return invalid(`There is no phase ${payload.index} in this journey: its ${count} phase${count === 1 ? " is" : "s are"} numbered from 0 to ${count - 1}.`);
  }
  if (payload.index === state.phase.index) return conflict(`The session is already in the ${state.phase.name} phase.`);
  return goToPhase(state, payload.index, now);
}

export function startSession(state: SessionState, now: number): Decision {
  if (state.status !== "lobby") return conflict("The session has already started.");
  return accept(...startIfInLobby(state, now));
}

export function lockSession(state: SessionState): Decision {
  return state.locked ? conflict("The session is already locked.") : accept(event("session.locked", {}));
}

export function unlockSession(state: SessionState): Decision {
  return state.locked ? accept(event("session.unlocked", {})) : conflict("The session is not locked.");
}

export function setAdmission(state: SessionState, payload: CommandPayloads["session.admission"]): Decision {
  if (state.admission === payload.mode) return conflict(`Admission is already ${payload.mode}.`);
  // Switching to automatic admission lets in everyone who is waiting.
  const admittedParticipantIds =
    payload.mode === "auto"
      ? Object.values(state.participants)
          .filter((p) => !p.admitted && !p.removed)
          .map((p) => p.id)
      : [];
  return accept(event("session.admissionChanged", { mode: payload.mode, admittedParticipantIds }));
}

export function endSession(now: number): Decision {
  return accept(event("session.ended", { at: now }));
}

export function toggleSuggestions(state: SessionState, payload: CommandPayloads["suggestions.toggle"]): Decision {
  if (state.suggestionsEnabled === payload.enabled) {
    return conflict(`Suggestions are already ${payload.enabled ? "on" : "off"}.`);
  }
  return accept(event("suggestions.toggled", payload));
}

function lowerAllHands(participants: Record<string, Participant>): Record<string, Participant> {
  const out: Record<string, Participant> = {};
  for (const [id, p] of Object.entries(participants)) {
    const { handRaisedAt: _dropped, ...rest } = p;
    out[id] = { ...rest, handRaised: false };
  }
  return out;
}

export function applyControlEvent(
  state: SessionState,
  e: EventOf<
    | "session.started"
    | "session.locked"
    | "session.unlocked"
    | "session.admissionChanged"
    | "session.ended"
    | "suggestions.toggled"
    | "phase.changed"
  >,
): SessionState {
  switch (e.type) {
    case "session.started":
      return { ...state, status: "live", startedAt: e.payload.at };
    case "session.locked":
      return { ...state, locked: true };
    case "session.unlocked":
      return { ...state, locked: false };
    case "session.admissionChanged": {
      const participants = { ...state.participants };
      for (const id of e.payload.admittedParticipantIds) {
        if (participants[id]) participants[id] = { ...participants[id], admitted: true };
      }
      return { ...state, admission: e.payload.mode, participants };
    }
    case "session.ended": {
      const { at } = e.payload;
      const t = state.timer;
      // The clock stops where it stood, so the summary shows the time that was left.
      const timer =
        t.status === "running"
          ? { status: "paused" as const, durationMs: t.durationMs, remainingMs: Math.max(0, (t.endsAt ?? at) - at) }
          : t;
      return {
        ...state,
        status: "ended",
        endedAt: at,
        timer,
        participants: lowerAllHands(state.participants),
        breakouts: { ...state.breakouts, rooms: [], calls: [] },
      };
    }
    case "suggestions.toggled":
      return { ...state, suggestionsEnabled: e.payload.enabled };
    case "phase.changed": {
      const { index, name, timer } = e.payload;
      return { ...state, phase: { index, name }, timer: timer ? { ...timer } : state.timer };
    }
  }
}
