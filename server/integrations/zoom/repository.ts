import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { zoomConnections, zoomEvents, zoomMeetings } from "../../db/schema";

export type ZoomConnectionRow = typeof zoomConnections.$inferSelect;
export type ZoomMeetingRow = typeof zoomMeetings.$inferSelect;

export function zoomRepository(db: Db) {
  return {
    async connection(orgId: string): Promise<ZoomConnectionRow | undefined> {
      return (await db.select().from(zoomConnections).where(eq(zoomConnections.orgId, orgId)).limit(1))[0];
    },
    async saveConnection(row: typeof zoomConnections.$inferInsert) {
      const { orgId: _orgId, ...rest } = row;
      await db
        .insert(zoomConnections)
        .values(row)
        .onConflictDoUpdate({ target: zoomConnections.orgId, set: { ...rest, connectedAt: new Date() } });
    },
    async removeConnection(orgId: string) {
      await db.delete(zoomConnections).where(eq(zoomConnections.orgId, orgId));
    },
    async meetingOfSession(sessionId: string): Promise<ZoomMeetingRow | undefined> {
      return (await db.select().from(zoomMeetings).where(eq(zoomMeetings.sessionId, sessionId)).limit(1))[0];
    },
    /** Only this organisation's meetings: a webhook never reaches another organisation's session. */
    async meetingInOrg(orgId: string, meetingId: string): Promise<ZoomMeetingRow | undefined> {
      return (await db.select().from(zoomMeetings).where(and(eq(zoomMeetings.orgId, orgId), eq(zoomMeetings.meetingId, meetingId))).limit(1))[0];
    },
    /** False when the session already has a meeting (another request made it first). */
    async saveMeeting(row: typeof zoomMeetings.$inferInsert): Promise<boolean> {
      const inserted = await db.insert(zoomMeetings).values(row).onConflictDoNothing().returning({ sessionId: zoomMeetings.sessionId });
      return inserted.length > 0;
    },
    /** False when the same delivery was stored before. */
    async addEvent(row: typeof zoomEvents.$inferInsert): Promise<boolean> {
      const inserted = await db.insert(zoomEvents).values(row).onConflictDoNothing().returning({ id: zoomEvents.id });
      return inserted.length > 0;
    },
    async eventsOfSession(sessionId: string) {
      return db.select().from(zoomEvents).where(eq(zoomEvents.sessionId, sessionId)).orderBy(asc(zoomEvents.at), asc(zoomEvents.receivedAt));
    },
  };
}
export type ZoomRepository = ReturnType<typeof zoomRepository>;
