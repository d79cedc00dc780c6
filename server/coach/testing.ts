import { sessionParticipants, sessions } from "../db/schema";
import type { TestApp } from "../test/harness";

/** A live session in `orgId` with one guest, and the guest's token, as the join route would give. */
export async function guestInSession(t: TestApp, orgId: string, createdBy: string | null, displayName = "Guest"): Promise<{ sessionId: string; participantId: string; headers: Record<string, string> }> {
  const db = t.database.db;
  const [session] = await db.insert(sessions).values({ orgId, title: "Live session", joinCode: `J${Math.random().toString(36).slice(2, 10).toUpperCase()}`, createdBy }).returning();
  if (createdBy) await db.insert(sessionParticipants).values({ sessionId: session.id, userId: createdBy, displayName: "Facilitator", role: "facilitator" });
  const [p] = await db.insert(sessionParticipants).values({ sessionId: session.id, displayName, role: "participant" }).returning();
  const token = await t.ctx.tokens.signParticipant(p.id, session.id);
  return { sessionId: session.id, participantId: p.id, headers: { authorization: `Bearer ${token}` } };
}

/** Reads an SSE body into its events. */
export function parseEvents(body: string): { event: string; data: unknown }[] {
  return body
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return { event, data: data ? (JSON.parse(data) as unknown) : null };
    });
}
