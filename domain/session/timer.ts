import type { CommandPayloads } from "./commands";
import { event } from "./events";
import type { EventOf } from "./events";
import { accept, conflict, startIfInLobby } from "./state";
import type { Decision } from "./state";
import type { SessionState, TimerState } from "./types";

// The session timer. While it runs, only its end time is stored: everyone computes the
// time left from their own clock, so nothing has to be sent every second.

/** Time left at `now`, never negative. */
export function timerRemainingMs(timer: TimerState, now: number): number {
  if (timer.status === "running" && timer.endsAt !== undefined) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs);
}

/** The timer as it stands at `now`, with `remainingMs` brought up to date. */
export function timerAt(timer: TimerState, now: number): TimerState {
  return { ...timer, remainingMs: timerRemainingMs(timer, now) };
}

export function startTimer(state: SessionState, payload: CommandPayloads["timer.start"], now: number): Decision {
  const durationMs = payload.seconds * 1000;
  return accept(
    ...startIfInLobby(state, now),
    event("timer.started", { durationMs, startedAt: now, endsAt: now + durationMs }),
  );
}

export function pauseTimer(state: SessionState, now: number): Decision {
  if (state.timer.status !== "running") return conflict("The timer is not running, so it cannot be paused.");
  return accept(event("timer.paused", { remainingMs: timerRemainingMs(state.timer, now), at: now }));
}

export function resumeTimer(state: SessionState, now: number): Decision {
  if (state.timer.status !== "paused") return conflict("The timer is not paused, so there is nothing to resume.");
  return accept(event("timer.resumed", { startedAt: now, endsAt: now + Math.max(0, state.timer.remainingMs) }));
}

export function extendTimer(state: SessionState, payload: CommandPayloads["timer.extend"], now: number): Decision {
  const { timer } = state;
  if (timer.status === "idle") return conflict("Start the timer before adding time to it.");
  const addedMs = payload.seconds * 1000;
  const remainingMs = timerRemainingMs(timer, now) + addedMs;
  const durationMs = timer.durationMs + addedMs;
  // A running timer that already reached zero counts the extra time from now.
  const endsAt = timer.status === "running" ? now + remainingMs : undefined;
  return accept(
    event("timer.extended", endsAt === undefined ? { addedMs, durationMs, remainingMs } : { addedMs, durationMs, remainingMs, endsAt }),
  );
}

export function resetTimer(state: SessionState): Decision {
  const { timer } = state;
  if (timer.status === "idle" && timer.remainingMs === timer.durationMs) {
    return conflict("The timer is already reset.");
  }
  return accept(event("timer.reset", { durationMs: timer.durationMs }));
}

export function applyTimerEvent(
  state: SessionState,
  e: EventOf<"timer.started" | "timer.paused" | "timer.resumed" | "timer.extended" | "timer.reset">,
): SessionState {
  const t = state.timer;
  switch (e.type) {
    case "timer.started": {
      const { durationMs, startedAt, endsAt } = e.payload;
      return { ...state, timer: { status: "running", durationMs, remainingMs: durationMs, startedAt, endsAt } };
    }
    case "timer.paused":
      return {
        ...state,
        timer: { status: "paused", durationMs: t.durationMs, remainingMs: Math.max(0, e.payload.remainingMs) },
      };
    case "timer.resumed":
      return { ...state, timer: { ...t, status: "running", startedAt: e.payload.startedAt, endsAt: e.payload.endsAt } };
    case "timer.extended": {
      const { durationMs, remainingMs, endsAt } = e.payload;
      const timer: TimerState = { ...t, durationMs, remainingMs: Math.max(0, remainingMs) };
      if (endsAt !== undefined) timer.endsAt = endsAt;
      return { ...state, timer };
    }
    case "timer.reset":
      return { ...state, timer: { status: "idle", durationMs: e.payload.durationMs, remainingMs: e.payload.durationMs } };
  }
}
