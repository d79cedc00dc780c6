import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guestInSession } from "../coach/testing";
import { createMailer } from "../lib/mailer";
import { createTestApp, type TestApp } from "../test/harness";
import { signUp, type SignedUp } from "../test/factories";
import { sendDueReminders } from "./reminders";

describe("commitment follow-up", () => {
  let t: TestApp;
  let me: SignedUp;
  let other: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    me = await signUp(t.app, { name: "Step Taker" });
    other = await signUp(t.app, { name: "Someone Else" });
  });
  afterAll(() => t.close());

  const create = async (headers: Record<string, string>, payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: "POST", url: "/api/commitments", headers, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; dueAt: string | null; followUpCount: number };
  };

  it("lists mine, marks done, reschedules and counts follow-ups; others get 404", async () => {
    const c = await create(me.headers, { text: "Call my brother", dueAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await t.app.inject({ method: "PATCH", url: `/api/commitments/${c.id}`, headers: other.headers, payload: { status: "done" } })).statusCode).toBe(404);
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const moved = (await t.app.inject({ method: "PATCH", url: `/api/commitments/${c.id}`, headers: me.headers, payload: { dueAt: later } })).json() as { dueAt: string; followUpCount: number };
    expect(moved).toMatchObject({ dueAt: later, followUpCount: 1 });
    const done = (await t.app.inject({ method: "PATCH", url: `/api/commitments/${c.id}`, headers: me.headers, payload: { status: "done", note: "It went better than I feared" } })).json() as { status: string; completedAt: string; followUpCount: number; followUps: { kind: string }[] };
    expect(done.status).toBe("done");
    expect(done.completedAt).not.toBeNull();
    expect(done.followUps.map((f) => f.kind)).toEqual(["rescheduled", "done", "reflection"]);
    const list = (await t.app.inject({ method: "GET", url: "/api/commitments?status=done", headers: me.headers })).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([c.id]);
    expect(((await t.app.inject({ method: "GET", url: "/api/commitments", headers: other.headers })).json() as { items: unknown[] }).items).toEqual([]);
    expect((await t.app.inject({ method: "PATCH", url: `/api/commitments/${c.id}`, headers: me.headers, payload: {} })).statusCode).toBe(400);
  });

  it("reminds once when due: an in-app notification, and an email when SMTP is set", async () => {
    const sent: string[] = [];
    const realMailer = t.ctx.mailer;
    t.ctx.mailer = { enabled: true, send: async (m) => (sent.push(`${m.to}|${m.text}`), true), close: () => undefined };
    try {
      const due = await create(me.headers, { text: "Write the first page", dueAt: new Date(Date.now() - 60_000).toISOString() });
      await create(me.headers, { text: "Not yet due", dueAt: new Date(Date.now() + 86_400_000).toISOString() });
      const first = await sendDueReminders(t.ctx);
      expect(first.reminded).toBeGreaterThanOrEqual(1);
      expect(sent.some((s) => s.startsWith(me.user.email) && s.includes("Write the first page"))).toBe(true);
      expect((await sendDueReminders(t.ctx)).reminded).toBe(0);
      const notes = (await t.app.inject({ method: "GET", url: "/api/notifications?unread=true", headers: me.headers })).json() as { items: { id: string; kind: string; payload: { commitmentId: string } }[] };
      const note = notes.items.find((n) => n.payload.commitmentId === due.id)!;
      expect(note.kind).toBe("commitment_due");
      expect((await t.app.inject({ method: "POST", url: `/api/notifications/${note.id}/read`, headers: me.headers })).statusCode).toBe(204);
      expect((await t.app.inject({ method: "POST", url: `/api/notifications/${note.id}/read`, headers: other.headers })).statusCode).toBe(404);

      // Rescheduling brings a new reminder when the new date comes.
      await t.app.inject({ method: "PATCH", url: `/api/commitments/${due.id}`, headers: me.headers, payload: { dueAt: new Date(Date.now() - 1000).toISOString() } });
      expect((await sendDueReminders(t.ctx)).reminded).toBe(1);
    } finally {
      t.ctx.mailer = realMailer;
    }
    expect(createMailer(undefined, "x", t.ctx.log).enabled).toBe(false);
  });

  it("lets a guest keep their own commitments and reflect on one with the coach", async () => {
    const guest = await guestInSession(t, me.orgId, me.user.id);
    const c = await create(guest.headers, { text: "Ask for help once this week" });
    const mine = (await t.app.inject({ method: "GET", url: "/api/commitments", headers: guest.headers })).json() as { items: { id: string; sessionId: string }[] };
    expect(mine.items).toEqual([expect.objectContaining({ id: c.id, sessionId: guest.sessionId })]);
    expect(((await t.app.inject({ method: "GET", url: "/api/commitments", headers: me.headers })).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(c.id);
    const reflect = await t.app.inject({ method: "POST", url: `/api/commitments/${c.id}/reflect`, headers: guest.headers });
    expect(reflect.statusCode, reflect.body).toBe(201);
    const { conversationId } = reflect.json() as { conversationId: string };
    const conv = (await t.app.inject({ method: "GET", url: `/api/coach/conversations/${conversationId}`, headers: guest.headers })).json() as { topic: string };
    expect(conv.topic).toContain("Ask for help once this week");
    const after = (await t.app.inject({ method: "GET", url: "/api/commitments", headers: guest.headers })).json() as { items: { followUpCount: number }[] };
    expect(after.items[0].followUpCount).toBe(1);
    expect(((await t.app.inject({ method: "GET", url: "/api/notifications", headers: guest.headers })).json() as { items: unknown[] }).items).toEqual([]);
  });
});
