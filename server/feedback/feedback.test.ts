import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS, DEFAULT_JOURNEYS } from "../../content/index";
import { feedbackEvents } from "../db/schema";
import { guestInSession } from "../coach/testing";
import { createTestApp, type TestApp } from "../test/harness";
import { signUp, type SignedUp } from "../test/factories";

describe("POST /api/feedback", () => {
  let t: TestApp;
  let me: SignedUp;
  let other: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    me = await signUp(t.app, { name: "Feedback Person" });
    other = await signUp(t.app, { name: "Other Person" });
  });
  afterAll(() => t.close());

  const give = (headers: Record<string, string>, payload: Record<string, unknown>) => t.app.inject({ method: "POST", url: "/api/feedback", headers, payload });

  async function coachTurn(headers: Record<string, string>): Promise<string> {
    const id = ((await t.app.inject({ method: "POST", url: "/api/coach/conversations", headers, payload: {} })).json() as { id: string }).id;
    const res = await t.app.inject({ method: "POST", url: `/api/coach/conversations/${id}/messages`, headers, payload: { text: "I feel calm today." } });
    return (res.json() as { message: { id: string } }).message.id;
  }

  it("rates a coach turn with a reason, and stores what the learning needs beside it", async () => {
    const messageId = await coachTurn(me.headers);
    const res = await give(me.headers, { targetType: "coachMessage", targetId: messageId, signal: "not-helpful", reason: "Too many questions at once" });
    expect(res.statusCode, res.body).toBe(204);
    const rows = await t.database.db.select().from(feedbackEvents);
    const row = rows.find((r) => r.targetId === messageId)!;
    expect(row).toMatchObject({ signal: "not-helpful", reason: "Too many questions at once", orgId: me.orgId, userId: me.user.id });
    expect(row.context).toMatchObject({ provider: "builtin", phase: "pause" });
  });

  it("answers 404 for a coach turn that is not the caller's, or does not exist", async () => {
    const messageId = await coachTurn(me.headers);
    expect((await give(other.headers, { targetType: "coachMessage", targetId: messageId, signal: "helpful" })).statusCode).toBe(404);
    expect((await give(me.headers, { targetType: "coachMessage", targetId: randomUUID(), signal: "helpful" })).statusCode).toBe(404);
  });

  it("accepts cards and journeys the caller can see, from users and session guests", async () => {
    expect((await give(me.headers, { targetType: "card", targetId: DEFAULT_CARDS[0].id, signal: "resonant", value: 1 })).statusCode).toBe(204);
    expect((await give(me.headers, { targetType: "journey", targetId: DEFAULT_JOURNEYS[0].id, signal: "helpful" })).statusCode).toBe(204);
    expect((await give(me.headers, { targetType: "card", targetId: randomUUID(), signal: "chosen" })).statusCode).toBe(404);
    const guest = await guestInSession(t, me.orgId, me.user.id);
    expect((await give(guest.headers, { targetType: "card", targetId: DEFAULT_CARDS[1].id, signal: "swapped" })).statusCode).toBe(204);
    const guestTurn = await coachTurn(guest.headers);
    expect((await give(guest.headers, { targetType: "coachMessage", targetId: guestTurn, signal: "helpful" })).statusCode).toBe(204);
  });

  it("accepts a recommendation only when it was among the ids shown", async () => {
    const shown = randomUUID();
    expect((await give(me.headers, { targetType: "recommendation", targetId: shown, signal: "chosen", context: { recommendationIds: [shown] } })).statusCode).toBe(204);
    expect((await give(me.headers, { targetType: "recommendation", targetId: randomUUID(), signal: "chosen" })).statusCode).toBe(404);
  });

  it("rejects unknown signals and target types with 400", async () => {
    expect((await give(me.headers, { targetType: "card", targetId: DEFAULT_CARDS[0].id, signal: "meh" })).statusCode).toBe(400);
    expect((await give(me.headers, { targetType: "deck", targetId: DEFAULT_CARDS[0].id, signal: "chosen" })).statusCode).toBe(400);
  });
});
