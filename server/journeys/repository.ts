import { and, asc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Journey } from "../../domain/content";
import type { Db } from "../db/client";
import { decks, journeys } from "../db/schema";

export type JourneyRow = typeof journeys.$inferSelect;
export type NewJourney = typeof journeys.$inferInsert;

export function journeyRepository(db: Db) {
  return {
    async list(orgId: string, includeArchived: boolean): Promise<JourneyRow[]> {
      const visible = or(isNull(journeys.orgId), eq(journeys.orgId, orgId));
      return db
        .select()
        .from(journeys)
        .where(includeArchived ? visible : and(visible, isNull(journeys.archivedAt)))
        .orderBy(sql`${journeys.orgId} IS NOT NULL`, asc(journeys.createdAt), asc(journeys.name), asc(journeys.id));
    },
    async find(id: string): Promise<JourneyRow | undefined> {
      const rows = await db.select().from(journeys).where(eq(journeys.id, id)).limit(1);
      return rows[0];
    },
    async insert(values: NewJourney): Promise<JourneyRow> {
      const [row] = await db.insert(journeys).values(values).returning();
      return row;
    },
    async update(id: string, patch: Partial<Pick<JourneyRow, "name" | "description" | "audience" | "phases" | "archivedAt">>): Promise<JourneyRow | undefined> {
      const [row] = await db.update(journeys).set({ ...patch, updatedAt: new Date() }).where(eq(journeys.id, id)).returning();
      return row;
    },
    /** Of these deck ids, the ones an organisation may use (its own or the defaults). */
    async usableDeckIds(orgId: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: decks.id })
        .from(decks)
        .where(and(inArray(decks.id, ids), or(isNull(decks.orgId), eq(decks.orgId, orgId))));
      return new Set(rows.map((r) => r.id));
    },
  };
}
export type JourneyRepository = ReturnType<typeof journeyRepository>;

/** The default journeys, kept in step with the content in code (see seedDefaultContent). */
export async function upsertDefaultJourneys(db: Db, list: Journey[]): Promise<void> {
  const rows = list.map((j) => ({ id: j.id, orgId: null, name: j.name, description: j.description, audience: j.audience, phases: j.phases as unknown[] }));
  await db
    .insert(journeys)
    .values(rows)
    .onConflictDoUpdate({
      target: journeys.id,
      set: { orgId: null, name: sql`excluded.name`, description: sql`excluded.description`, audience: sql`excluded.audience`, phases: sql`excluded.phases`, archivedAt: null, updatedAt: sql`now()` },
      setWhere: sql`(${journeys.orgId}, ${journeys.name}, ${journeys.description}, ${journeys.audience}, ${journeys.phases}, ${journeys.archivedAt})
        IS DISTINCT FROM (NULL::uuid, excluded.name, excluded.description, excluded.audience, excluded.phases, NULL::timestamptz)`,
    });
  await db
    .update(journeys)
    .set({ archivedAt: new Date() })
    .where(and(isNull(journeys.orgId), isNull(journeys.archivedAt), notInArray(journeys.id, rows.map((r) => r.id))));
}
