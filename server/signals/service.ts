import { EventEmitter } from "node:events";
import { MIN_GROUP_SIZE, SIGNALS_CONSENT_VERSION, moodDropNudge, type OrgSignalsSettings, type SessionMood, type SignalKind, type SignalsConsentAnswer, type SignalsSummary } from "../../domain/signals";
import type { AppContext } from "../context";
import { forbidden, notFound } from "../errors";
import type { Actor, GuestActor } from "../policies";
import { sessionRepository } from "../sessions/repository";
import { signalsRepository } from "./repository";

const ALL_ON: OrgSignalsSettings = { voice: true, face: true };

function readSwitches(stored: unknown): OrgSignalsSettings {
  const s = stored && typeof stored === "object" ? (stored as Partial<OrgSignalsSettings>) : {};
  return { voice: s.voice !== false, face: s.face !== false };
}

/**
 * A small read-through cache. On one node every write passes through here, so entries can
 * live long; with several nodes (Redis configured) another node may write, so entries expire
 * after a few seconds and a withdrawn consent stops the flow within that time everywhere.
 */
class Cache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  constructor(private readonly ttlMs: number) {}
  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e || e.until < Date.now()) return undefined;
    return e.value;
  }
  set(key: string, value: T): void {
    if (this.entries.size > 20_000) this.entries.clear();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
  }
}

export interface ConsentChange {
  sessionId: string;
  participantId: string;
  kinds: SignalKind[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function createSignalsService(ctx: AppContext) {
  const repo = signalsRepository(ctx.database.db);
  const sessions = sessionRepository(ctx.database.db);
  const ttl = ctx.redis ? 5_000 : 10 * 60_000;
  const consents = new Cache<{ kinds: SignalKind[]; at: Date | null }>(ttl);
  const switches = new Cache<OrgSignalsSettings>(ttl);
  const orgOfSession = new Cache<string>(24 * 3600_000);
  const events = new EventEmitter<{ consent: [ConsentChange] }>();

  async function consentOf(sessionId: string, participantId: string) {
    const key = `${sessionId}:${participantId}`;
    const cached = consents.get(key);
    if (cached) return cached;
    const row = await repo.latestConsent(sessionId, participantId);
    // A consent given to an older wording no longer counts: the person must agree to the current text.
    const value = row && row.version === SIGNALS_CONSENT_VERSION ? { kinds: row.kinds.filter((k): k is SignalKind => k === "voice" || k === "face"), at: row.at } : { kinds: [], at: null };
    consents.set(key, value);
    return value;
  }

  async function orgSwitches(orgId: string): Promise<OrgSignalsSettings> {
    const cached = switches.get(orgId);
    if (cached) return cached;
    const value = readSwitches(await repo.orgSignals(orgId));
    switches.set(orgId, value);
    return value;
  }

  async function sessionOrg(sessionId: string): Promise<string | undefined> {
    const cached = orgOfSession.get(sessionId);
    if (cached) return cached;
    const orgId = await repo.sessionOrg(sessionId);
    if (orgId) orgOfSession.set(sessionId, orgId);
    return orgId;
  }

  async function answer(sessionId: string, participantId: string): Promise<SignalsConsentAnswer> {
    const orgId = await sessionOrg(sessionId);
    const allowed = orgId ? await orgSwitches(orgId) : ALL_ON;
    const c = await consentOf(sessionId, participantId);
    return { sessionId, participantId, kinds: c.kinds.filter((k) => allowed[k]), requested: c.kinds, allowed, version: SIGNALS_CONSENT_VERSION, at: c.at?.toISOString() ?? null };
  }

  return {
    events,
    /** Stores the minute summaries still in memory now; the socket side fills it in (tests and shutdown use it). */
    storeMinutesNow: async (): Promise<void> => undefined,

    /** The kinds a participant's device may share right now: their consent, minus what the organisation switched off. */
    async permitted(sessionId: string, participantId: string): Promise<Set<SignalKind>> {
      return new Set((await answer(sessionId, participantId)).kinds);
    },

    /** The seat a caller speaks for: a guest's own, or a signed-in person's participant seat. Facilitators do not share signals. */
    async seatOf(actor: Actor | GuestActor, sessionId: string): Promise<string> {
      if (actor.kind === "participant") {
        if (actor.sessionId !== sessionId) throw forbidden("This link is for a different session.");
        const p = await sessions.participant(actor.participantId);
        if (!p) throw notFound("Your seat in this session");
        return p.id;
      }
      const p = await sessions.participantOfUser(sessionId, actor.userId).catch(() => undefined);
      if (!p) throw notFound("Your seat in this session");
      if (p.role !== "participant") throw forbidden("Signals are shared by participants; facilitators see them in the engagement strip.");
      return p.id;
    },

    answer,

    async consent(sessionId: string, participantId: string, kinds: SignalKind[]): Promise<SignalsConsentAnswer> {
      const unique = [...new Set(kinds)].sort();
      const row = await repo.recordConsent({ sessionId, participantId, kinds: unique, version: SIGNALS_CONSENT_VERSION, at: new Date() });
      consents.set(`${sessionId}:${participantId}`, { kinds: unique, at: row.at });
      const result = await answer(sessionId, participantId);
      events.emit("consent", { sessionId, participantId, kinds: result.kinds });
      return result;
    },

    orgSwitches,

    async setOrgSwitches(orgId: string, value: OrgSignalsSettings): Promise<OrgSignalsSettings> {
      await repo.setOrgSignals(orgId, value);
      switches.set(orgId, value);
      return value;
    },

    /** The group per minute and each person's share of speaking, from the stored minute summaries. */
    async summary(sessionId: string): Promise<SignalsSummary> {
      const [rows, people] = await Promise.all([repo.minutes(sessionId), repo.participants(sessionId)]);
      const byMinute = new Map<number, typeof rows>();
      for (const r of rows) byMinute.set(r.minute.getTime(), [...(byMinute.get(r.minute.getTime()) ?? []), r]);
      const timeline: SignalsSummary["timeline"] = [];
      for (const [minute, list] of [...byMinute].sort((a, b) => a[0] - b[0])) {
        const contributors = new Set(list.map((r) => r.participantId)).size;
        const point: SignalsSummary["timeline"][number] = { minute: new Date(minute).toISOString(), contributors };
        if (contributors >= MIN_GROUP_SIZE) {
          for (const key of ["engagement", "valence", "attention"] as const) {
            const values = list.map((r) => r.metrics[key]).filter((v): v is number => typeof v === "number");
            if (values.length >= MIN_GROUP_SIZE) point[key] = round(values.reduce((a, b) => a + b, 0) / values.length);
          }
        }
        timeline.push(point);
      }
      const speaking = new Map<string, { seconds: number; minutes: number }>();
      for (const r of rows) {
        const s = speaking.get(r.participantId) ?? { seconds: 0, minutes: 0 };
        s.seconds += r.metrics.speakingSeconds ?? 0;
        s.minutes += 1;
        speaking.set(r.participantId, s);
      }
      const total = [...speaking.values()].reduce((a, s) => a + s.seconds, 0);
      const participants = people
        .filter((p) => speaking.has(p.id))
        .map((p) => {
          const s = speaking.get(p.id)!;
          return { participantId: p.id, displayName: p.displayName, minutes: s.minutes, speakingSeconds: round(s.seconds), ...(total > 0 ? { talkShare: round(s.seconds / total) } : {}) };
        });
      return { sessionId, timeline, participants };
    },

    /** What people wrote, as valence only, and the cards shown: enough for "the mood dropped after this card". */
    async mood(sessionId: string): Promise<SessionMood> {
      const [texts, shown] = await Promise.all([repo.textValences(sessionId), repo.cardsShown(sessionId)]);
      const items = texts.map((t) => ({ at: t.at.getTime(), valence: round(t.valence) }));
      const cards = shown.map((c) => ({ at: c.at.getTime(), ...(c.word ? { word: c.word } : {}) }));
      const last = cards[cards.length - 1];
      const nudge = last ? moodDropNudge(items, { at: last.at, word: last.word }) : null;
      return { texts: items, cards, nudge: nudge?.kind === "moodDrop" ? nudge : null };
    },
  };
}

export type SignalsService = ReturnType<typeof createSignalsService>;

const services = new WeakMap<AppContext, SignalsService>();

/** One per app: the routes and the socket handlers must share the consent cache and its events. */
export function signalsService(ctx: AppContext): SignalsService {
  let s = services.get(ctx);
  if (!s) services.set(ctx, (s = createSignalsService(ctx)));
  return s;
}
