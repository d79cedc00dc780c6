import type { SessionEvent } from "../../domain/session";

/** A stored event as analytics reads it: the typed fact plus when it was committed. */
export type LoggedEvent = SessionEvent & { at: Date };

export interface PersonTally {
  reflections: number;
  chatMessages: number;
  handRaises: number;
}

export interface CardTally {
  dealt: number;
  chosen: number;
  swapped: number;
}

export interface SharedText {
  sourceType: "reflection" | "chat";
  sourceId: string;
  participantId: string;
  text: string;
  at: Date;
}

export interface FoldedSession {
  startedAt: Date | null;
  endedAt: Date | null;
  lastEventAt: Date | null;
  phases: { index: number; name: string; seconds: number }[];
  people: Map<string, PersonTally>;
  cards: Map<string, CardTally>;
  totals: CardTally;
  commitments: { participantId: string; text: string; due?: string }[];
  /** Only what people chose to share with the group; private reflections never leave the log here. */
  shared: SharedText[];
}

const tallyOf = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  return v;
};

/**
 * Reads a session's log once and counts what analytics needs. Pure, so the live report and
 * the materialised facts written at the session's end always agree.
 */
export function foldSessionLog(events: readonly LoggedEvent[], phaseNames: readonly string[], now: Date = new Date()): FoldedSession {
  const people = new Map<string, PersonTally>();
  const cards = new Map<string, CardTally>();
  const totals: CardTally = { dealt: 0, chosen: 0, swapped: 0 };
  const commitments: FoldedSession["commitments"] = [];
  const shared: SharedText[] = [];
  const spans: { index: number; name: string; from: Date; to: Date | null }[] = [];
  let startedAt: Date | null = null;
  let endedAt: Date | null = null;
  const person = (id: string) => tallyOf(people, id, () => ({ reflections: 0, chatMessages: 0, handRaises: 0 }));
  const card = (id: string) => tallyOf(cards, id, () => ({ dealt: 0, chosen: 0, swapped: 0 }));
  const closeSpan = (at: Date) => {
    const last = spans[spans.length - 1];
    if (last && !last.to) last.to = at;
  };

  for (const e of events) {
    switch (e.type) {
      case "session.started":
        startedAt ??= e.at;
        if (spans.length === 0) spans.push({ index: 0, name: phaseNames[0] ?? "", from: e.at, to: null });
        break;
      case "phase.changed":
        if (!startedAt) {
          // Moving on before pressing start still starts the clock, from the first phase.
          startedAt = e.at;
          spans.push({ index: 0, name: phaseNames[0] ?? "", from: e.at, to: null });
        }
        closeSpan(e.at);
        spans.push({ index: e.payload.index, name: e.payload.name, from: e.at, to: null });
        break;
      case "session.ended":
        endedAt = e.at;
        closeSpan(e.at);
        break;
      case "cards.dealt":
        for (const c of e.payload.cards) card(c.cardId).dealt++;
        totals.dealt += e.payload.cards.length;
        break;
      case "card.chosen":
        card(e.payload.cardId).chosen++;
        totals.chosen++;
        break;
      case "card.swapped":
        card(e.payload.returned.cardId).swapped++;
        // The replacement comes out of the pile like any dealt card.
        card(e.payload.drawn.cardId).dealt++;
        totals.dealt++;
        totals.swapped++;
        break;
      case "reflection.added":
        person(e.payload.participantId).reflections++;
        if (e.payload.visibility === "shared") shared.push({ sourceType: "reflection", sourceId: e.payload.id, participantId: e.payload.participantId, text: e.payload.text, at: e.at });
        break;
      case "chat.sent":
        person(e.payload.participantId).chatMessages++;
        shared.push({ sourceType: "chat", sourceId: e.payload.id, participantId: e.payload.participantId, text: e.payload.text, at: e.at });
        break;
      case "hand.raised":
        person(e.payload.participantId).handRaises++;
        break;
      case "commitment.added":
        commitments.push({ participantId: e.payload.participantId, text: e.payload.text, ...(e.payload.due ? { due: new Date(e.payload.due).toISOString() } : {}) });
        break;
      default:
        break;
    }
  }
  const lastEventAt = events.length ? events[events.length - 1].at : null;
  const until = endedAt ?? now;
  return {
    startedAt,
    endedAt,
    lastEventAt,
    phases: spans.map((s) => ({ index: s.index, name: s.name || phaseNames[s.index] || `Phase ${s.index + 1}`, seconds: Math.max(0, Math.round(((s.to ?? until).getTime() - s.from.getTime()) / 1000)) })),
    people,
    cards,
    totals,
    commitments,
    shared,
  };
}

/** Seconds the session ran: from its start (or first event) to its end (or now, while live). */
export function durationOf(f: FoldedSession, createdAt: Date, now: Date = new Date()): number {
  const from = f.startedAt ?? createdAt;
  const to = f.endedAt ?? (f.startedAt ? now : (f.lastEventAt ?? createdAt));
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

/** Mean valence per minute, so the arc shows the group rather than any one sentence. */
export function arcByMinute(points: readonly { at: Date; valence: number }[]): { at: string; valence: number }[] {
  const buckets = new Map<string, { sum: number; n: number }>();
  for (const p of points) {
    const minute = Math.floor(p.at.getTime() / 60_000) * 60_000;
    const b = tallyOf(buckets, String(minute), () => ({ sum: 0, n: 0 }));
    b.sum += p.valence;
    b.n++;
  }
  return [...buckets.entries()]
    .map(([minute, b]) => ({ at: new Date(Number(minute)).toISOString(), valence: Math.round((b.sum / b.n) * 1000) / 1000 }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
