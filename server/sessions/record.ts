import type { SessionEvent } from "../../domain/session";
import type { SessionRepository } from "./repository";

type Ev = SessionEvent & { at: Date; actorId: string | null };

/**
 * What happened in a session, told from its log: the phases with their real durations, the
 * cards as they moved, what people chose to share, and what they committed to. Private
 * reflections stay private, even from the facilitator.
 */
export async function buildRecord(repo: SessionRepository, sessionId: string) {
  const rows = await repo.eventsAfter(sessionId, 0);
  const events = rows.map((r) => ({ type: r.type, payload: r.payload, at: r.at, actorId: r.actorId }) as Ev);
  const people = await repo.participants(sessionId);
  const names = new Map(people.map((p) => [p.id, p.displayName]));

  const phases: { index: number; name: string; startedAt: Date; endedAt: Date | null }[] = [];
  const cardEvents: { cardId: string; event: "dealt" | "chosen" | "swapped" | "placed" | "spotlighted" | "flipped"; participantId: string | null; at: Date }[] = [];
  const reflections: { id: string; participantId: string; text: string; cardId: string | null; at: Date }[] = [];
  const commitments: { participantId: string; text: string; due: string | null; at: Date }[] = [];
  const breakouts: { openedAt: Date; rooms: number }[] = [];
  let started: Date | null = null;

  const closePhase = (at: Date) => {
    const last = phases[phases.length - 1];
    if (last && !last.endedAt) last.endedAt = at;
  };

  for (const e of events) {
    switch (e.type) {
      case "session.started":
        started = e.at;
        break;
      case "phase.changed":
        if (!started) started = e.at;
        closePhase(e.at);
        phases.push({ index: e.payload.index, name: e.payload.name, startedAt: e.at, endedAt: null });
        break;
      case "session.ended":
        closePhase(e.at);
        break;
      case "cards.dealt":
        for (const c of e.payload.cards) cardEvents.push({ cardId: c.cardId, event: "dealt", participantId: c.participantId ?? null, at: e.at });
        break;
      case "card.chosen":
        cardEvents.push({ cardId: e.payload.cardId, event: "chosen", participantId: e.payload.participantId, at: e.at });
        break;
      case "card.swapped":
        cardEvents.push({ cardId: e.payload.returned.cardId, event: "swapped", participantId: e.payload.participantId, at: e.at });
        break;
      case "card.placed":
        cardEvents.push({ cardId: e.payload.cardId, event: "placed", participantId: e.payload.participantId, at: e.at });
        break;
      case "card.spotlighted":
        cardEvents.push({ cardId: e.payload.cardId, event: "spotlighted", participantId: e.payload.participantId ?? null, at: e.at });
        break;
      case "reflection.added":
        if (e.payload.visibility === "shared") reflections.push({ id: e.payload.id, participantId: e.payload.participantId, text: e.payload.text, cardId: e.payload.cardId ?? null, at: e.at });
        break;
      case "commitment.added":
        commitments.push({ participantId: e.payload.participantId, text: e.payload.text, due: e.payload.due ? new Date(e.payload.due).toISOString() : null, at: e.at });
        break;
      case "breakouts.opened":
        breakouts.push({ openedAt: e.at, rooms: e.payload.rooms.length });
        break;
      default:
        break;
    }
  }
  // The first phase begins when the session does, unless the facilitator moved before starting.
  if (started && (phases.length === 0 || phases[0].index !== 0)) {
    phases.unshift({ index: 0, name: "", startedAt: started, endedAt: phases[0]?.startedAt ?? null });
  }
  const words = await repo.cardWords([...new Set(cardEvents.map((c) => c.cardId))]);
  const now = new Date();
  return {
    phases: phases.map((p) => ({
      index: p.index,
      name: p.name,
      startedAt: p.startedAt.toISOString(),
      endedAt: p.endedAt?.toISOString() ?? null,
      seconds: Math.round(((p.endedAt ?? now).getTime() - p.startedAt.getTime()) / 1000),
    })),
    cards: cardEvents.map((c) => ({ ...c, word: words.get(c.cardId)?.word ?? null, at: c.at.toISOString() })),
    reflections: reflections.map((r) => ({ ...r, displayName: names.get(r.participantId) ?? "", at: r.at.toISOString() })),
    commitments: commitments.map((c) => ({ ...c, displayName: names.get(c.participantId) ?? "", at: c.at.toISOString() })),
    breakouts: breakouts.map((b) => ({ openedAt: b.openedAt.toISOString(), rooms: b.rooms })),
    participants: people.map((p) => ({ id: p.id, displayName: p.displayName, role: p.role })),
  };
}
