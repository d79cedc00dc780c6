import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { cards, orgs, sessionEvents, sessionParticipants, sessions, signalConsents, signalMinutes, textAnalyses } from "../db/schema";

export interface MinuteRow {
  sessionId: string;
  participantId: string;
  minute: Date;
  metrics: Record<string, number>;
}

export function signalsRepository(db: Db) {
  return {
    async latestConsent(sessionId: string, participantId: string) {
      const rows = await db
        .select()
        .from(signalConsents)
        .where(and(eq(signalConsents.sessionId, sessionId), eq(signalConsents.participantId, participantId)))
        .orderBy(desc(signalConsents.at), desc(signalConsents.id))
        .limit(1);
      return rows[0];
    },
    /** Consents are appended, never updated: the history shows what was agreed to and when. */
    async recordConsent(row: { sessionId: string; participantId: string; kinds: string[]; version: string; at: Date }) {
      const [saved] = await db.insert(signalConsents).values(row).returning();
      return saved;
    },

    async orgSignals(orgId: string): Promise<unknown> {
      const rows = await db.select({ settings: orgs.settings }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
      return rows[0]?.settings.signals;
    },
    /** One key of the settings, merged in the database so other settings written at the same time survive. */
    async setOrgSignals(orgId: string, value: { voice: boolean; face: boolean }) {
      await db
        .update(orgs)
        .set({ settings: sql`coalesce(${orgs.settings}, '{}'::jsonb) || jsonb_build_object('signals', ${JSON.stringify(value)}::jsonb)` })
        .where(eq(orgs.id, orgId));
    },

    async sessionOrg(sessionId: string): Promise<string | undefined> {
      const rows = await db.select({ orgId: sessions.orgId }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
      return rows[0]?.orgId;
    },

    async insertMinutes(rows: MinuteRow[]) {
      if (rows.length) await db.insert(signalMinutes).values(rows);
    },
    async minutes(sessionId: string) {
      return db.select().from(signalMinutes).where(eq(signalMinutes.sessionId, sessionId)).orderBy(asc(signalMinutes.minute));
    },
    async participants(sessionId: string) {
      return db
        .select({ id: sessionParticipants.id, displayName: sessionParticipants.displayName, role: sessionParticipants.role })
        .from(sessionParticipants)
        .where(eq(sessionParticipants.sessionId, sessionId));
    },

    async textValences(sessionId: string) {
      return db
        .select({ at: textAnalyses.at, valence: textAnalyses.valence })
        .from(textAnalyses)
        .where(and(eq(textAnalyses.sessionId, sessionId), isNotNull(textAnalyses.sessionId)))
        .orderBy(asc(textAnalyses.at))
        .limit(5000);
    },
    /** Cards put in front of the group: spotlighted, or dealt face up to the table. */
    async cardsShown(sessionId: string) {
      const rows = await db
        .select({ type: sessionEvents.type, payload: sessionEvents.payload, at: sessionEvents.at })
        .from(sessionEvents)
        .where(and(eq(sessionEvents.sessionId, sessionId), inArray(sessionEvents.type, ["card.spotlighted", "cards.dealt"])))
        .orderBy(asc(sessionEvents.seq))
        .limit(2000);
      const shown: { at: Date; cardId: string }[] = [];
      for (const r of rows) {
        const p = r.payload as { cardId?: unknown; faceUp?: unknown; to?: unknown; cards?: { cardId?: unknown }[] };
        if (r.type === "card.spotlighted" && typeof p.cardId === "string") shown.push({ at: r.at, cardId: p.cardId });
        if (r.type === "cards.dealt" && p.faceUp === true && p.to === "table" && typeof p.cards?.[0]?.cardId === "string") shown.push({ at: r.at, cardId: p.cards[0].cardId });
      }
      const ids = [...new Set(shown.map((s) => s.cardId))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const words = ids.length ? await db.select({ id: cards.id, word: cards.word }).from(cards).where(inArray(cards.id, ids)) : [];
      const byId = new Map(words.map((w) => [w.id, w.word]));
      return shown.map((s) => ({ at: s.at, word: byId.get(s.cardId) }));
    },
  };
}

export type SignalsRepository = ReturnType<typeof signalsRepository>;
