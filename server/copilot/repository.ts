import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { cards, journeys, sessionParticipants } from "../db/schema";

export interface CopilotCardRow {
  id: string;
  word: string;
  description: string | null;
  prompts: { pause?: string; expand?: string; focus?: string; do?: string };
  language: string;
}

export function copilotRepository(db: Db) {
  return {
    /** The caller's seat in the session; a facilitator seat wins over a participant seat. */
    async seatOf(sessionId: string, userId: string): Promise<{ id: string; role: string } | undefined> {
      const rows = await db
        .select({ id: sessionParticipants.id, role: sessionParticipants.role })
        .from(sessionParticipants)
        .where(and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.userId, userId)))
        .orderBy(asc(sessionParticipants.createdAt))
        .limit(5);
      return rows.find((r) => r.role !== "participant") ?? rows[0];
    },

    /** Cards in play, read only if the studio's or this organisation's: never another's. */
    async cards(orgId: string, ids: string[]): Promise<CopilotCardRow[]> {
      if (ids.length === 0) return [];
      return db
        .select({ id: cards.id, word: cards.word, description: cards.description, prompts: cards.prompts, language: cards.language })
        .from(cards)
        .where(and(inArray(cards.id, ids), or(isNull(cards.orgId), eq(cards.orgId, orgId))));
    },

    /** The journey's phases with their steps' prompts (the live state keeps only names and instructions). */
    async journeyPhases(orgId: string, journeyId: string): Promise<unknown[]> {
      const rows = await db
        .select({ phases: journeys.phases })
        .from(journeys)
        .where(and(eq(journeys.id, journeyId), or(isNull(journeys.orgId), eq(journeys.orgId, orgId))))
        .limit(1);
      return (rows[0]?.phases as unknown[] | undefined) ?? [];
    },
  };
}
export type CopilotRepository = ReturnType<typeof copilotRepository>;
