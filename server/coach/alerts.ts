import { EventEmitter } from "node:events";
import type { SafetyKind } from "../../domain/api/coach";

export interface SafetyAlert {
  sessionId: string;
  participantId: string;
  kind: SafetyKind;
  at: string;
}

/**
 * Crisis signs from a participant's coach conversation during a live session reach the
 * facilitator: the realtime layer subscribes here and pushes the alert into the room.
 * In-process only; with several nodes each node alerts its own sockets' sessions.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(100);

export function onSafetyAlert(listener: (sessionId: string, participantId: string, kind: SafetyKind) => void): () => void {
  const wrapped = (a: SafetyAlert) => listener(a.sessionId, a.participantId, a.kind);
  emitter.on("alert", wrapped);
  return () => emitter.off("alert", wrapped);
}

export function raiseSafetyAlert(sessionId: string, participantId: string, kind: SafetyKind): void {
  const alert: SafetyAlert = { sessionId, participantId, kind, at: new Date().toISOString() };
  // A listener's failure must never stop the person from getting their caring answer.
  for (const listener of emitter.listeners("alert")) {
    try {
      (listener as (a: SafetyAlert) => void)(alert);
    } catch {
      /* the realtime layer logs its own failures */
    }
  }
}
