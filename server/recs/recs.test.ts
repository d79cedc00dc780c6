import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS, PHOTO_DECK_ID } from "../../content/index";
import { feedbackEvents, recommendations } from "../db/schema";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { recsFor } from "./runtime";
import { command, joinAsGuest, logged, startSession, suggest } from "./testing";
import { waitFor } from "../test/wait";
import { ViewerMemory } from "./viewers";

describe("GET /api/recommendations/cards", () => {
  let t: TestApp;
  let owner: SignedUp;
  let member: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app, { name: "Recs Owner" });
    member = await memberOf(t.app, owner, "member");
  });
  afterAll(() => t.close());

  it("answers the contract's shape, names the model, and logs every card shown", async () => {
    const res = await suggest(t, member.headers, { topic: "finding the courage to change jobs", limit: 5 });
    expect(res.items).toHaveLength(5);
    expect(res.model).toEqual({ name: "hybrid", version: "cold-start" });
    for (const item of res.items) {
      expect(item.card).toMatchObject({ id: expect.any(String), deckId: expect.any(String), word: expect.any(String) });
      expect(typeof item.score).toBe("number");
      expect(item.reason.length).toBeGreaterThan(5);
    }
    expect(new Set(res.items.map((i) => i.card.id)).size).toBe(5);
    expect(res.items.some((i) => i.reason.startsWith("close to your topic 'finding the courage"))).toBe(true);
    await logged(t);
    const rows = await t.database.db.select().from(recommendations).where(eq(recommendations.listId, res.listId!));
    expect(rows.map((r) => r.id).sort()).toEqual(res.items.map((i) => i.recommendationId).sort());
    expect(rows.every((r) => r.userId === member.user.id && r.modelVersion === "cold-start" && r.topic === "finding the courage to change jobs")).toBe(true);
  });

  it("rejects bad input with 400 and guests of another session with 403", async () => {
    const bad = await t.app.inject({ method: "GET", url: "/api/recommendations/cards?limit=500", headers: member.headers });
    expect(bad.statusCode).toBe(400);
    const s = await startSession(t, owner);
    const guest = await joinAsGuest(t, s, "Visitor");
    const other = await t.app.inject({ method: "GET", url: `/api/recommendations/cards?sessionId=${randomUUID()}`, headers: guest.headers });
    expect(other.statusCode).toBe(403);
    const unknown = await t.app.inject({ method: "GET", url: `/api/recommendations/cards?sessionId=${randomUUID()}`, headers: member.headers });
    expect(unknown.statusCode).toBe(404);
  });

  it("uses a guest's own words only, and the group's shared words for the facilitator", async () => {
    const s = await startSession(t, owner);
    const dana = await joinAsGuest(t, s, "Dana");
    const omer = await joinAsGuest(t, s, "Omer");
    await command(t, s.id, dana.participantId, "participant", "reflection.add", { text: "The ocean waves and the wide sea call me", visibility: "private" });
    await command(t, s.id, omer.participantId, "participant", "reflection.add", { text: "My garden roots and my family tree", visibility: "private" });
    await command(t, s.id, omer.participantId, "participant", "reflection.add", { text: "Mountains and climbing towards the summit", visibility: "shared" });

    const forDana = await suggest(t, dana.headers, { limit: 8 });
    const reasons = forDana.items.map((i) => i.reason).join(" | ");
    expect(reasons).toContain("close to what you wrote about 'The ocean waves and the wide");
    expect(reasons).not.toMatch(/garden|Mountains/);

    const forFacilitator = await suggest(t, owner.headers, { sessionId: s.id, limit: 8 });
    const facReasons = forFacilitator.items.map((i) => i.reason).join(" | ");
    expect(facReasons).not.toMatch(/garden|ocean/);
    expect(facReasons).toContain("Mountains and climbing");
  });

  it("suggests for one chosen participant from what they shared, for facilitators only", async () => {
    const s = await startSession(t, owner);
    const dana = await joinAsGuest(t, s, "Dana");
    const omer = await joinAsGuest(t, s, "Omer");
    await command(t, s.id, dana.participantId, "participant", "reflection.add", { text: "A quiet forest path after rain", visibility: "shared" });
    await command(t, s.id, dana.participantId, "participant", "reflection.add", { text: "My secret fear of failing exams", visibility: "private" });
    await command(t, s.id, omer.participantId, "participant", "reflection.add", { text: "Mountains and climbing towards the summit", visibility: "shared" });

    const forDana = await suggest(t, owner.headers, { sessionId: s.id, participantId: dana.participantId, limit: 8 });
    const reasons = forDana.items.map((i) => i.reason).join(" | ");
    expect(reasons).toContain("A quiet forest path");
    expect(reasons).not.toMatch(/Mountains|secret fear/);

    // A guest asking about someone else is refused; about themselves it is their own suggestions.
    const prying = await t.app.inject({ method: "GET", url: `/api/recommendations/cards?sessionId=${s.id}&participantId=${dana.participantId}`, headers: omer.headers });
    expect(prying.statusCode).toBe(403);
    const self = await suggest(t, omer.headers, { sessionId: s.id, participantId: omer.participantId, limit: 8 });
    expect(self.items.map((i) => i.reason).join(" | ")).not.toMatch(/forest/);
    const stranger = await t.app.inject({ method: "GET", url: `/api/recommendations/cards?sessionId=${s.id}&participantId=${randomUUID()}`, headers: owner.headers });
    expect(stranger.statusCode).toBe(404);
    const noSession = await t.app.inject({ method: "GET", url: `/api/recommendations/cards?participantId=${dana.participantId}`, headers: owner.headers });
    expect(noSession.statusCode).toBe(400);
  });

  it("keeps a card marked not resonant out of that person's next suggestions", async () => {
    const person = await memberOf(t.app, owner, "facilitator");
    const topic = "a calm morning by the sea";
    const first = await suggest(t, person.headers, { topic, limit: 5 });
    const top = first.items[0];
    const res = await t.app.inject({ method: "POST", url: "/api/feedback", headers: person.headers, payload: { targetType: "recommendation", targetId: top.recommendationId, signal: "not-resonant", context: { recommendationIds: first.items.map((i) => i.recommendationId) } } });
    expect(res.statusCode, res.body).toBe(204);
    const others = first.items.slice(1).map((i) => i.card.id);
    // Without the novelty penalty every card shown once would drop anyway: forget what was shown
    // (log and memory), so only the feedback, read back from the database, can keep the card out.
    await logged(t);
    await t.database.db.delete(recommendations).where(eq(recommendations.userId, person.user.id));
    const recs = recsFor(t.ctx);
    recs.viewers = new ViewerMemory(recs.repo);
    const next = (await suggest(t, person.headers, { topic, limit: 30 })).items.map((it) => it.card.id);
    expect(next).not.toContain(top.card.id);
    // The other cards of the first list come back: it is the feedback that removed the top one.
    expect(others.filter((id) => next.includes(id)).length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 2; i++) {
      expect((await suggest(t, person.headers, { topic, limit: 30 })).items.map((it) => it.card.id)).not.toContain(top.card.id);
    }
  });

  it("returns an empty list with a note when the facilitator turned suggestions off", async () => {
    const s = await startSession(t, owner);
    const guest = await joinAsGuest(t, s, "Quiet");
    await command(t, s.id, s.facilitatorId, "facilitator", "suggestions.toggle", { enabled: false });
    const res = await suggest(t, guest.headers, { topic: "anything" });
    expect(res.items).toEqual([]);
    expect(res.listId).toBeNull();
    expect(res.note).toMatch(/turned suggestions off/);
    expect(res.model.name).toBe("hybrid");
  });

  it("learns from feedback at once: a card the organisation keeps comes up next, with that reason", async () => {
    const kept = DEFAULT_CARDS.find((c) => c.deckId === PHOTO_DECK_ID)!;
    const people = [owner, member, await memberOf(t.app, owner, "facilitator")];
    for (const p of people) for (const signal of ["chosen", "kept", "resonant"]) {
      const res = await t.app.inject({ method: "POST", url: "/api/feedback", headers: p.headers, payload: { targetType: "card", targetId: kept.id, signal } });
      expect(res.statusCode, res.body).toBe(204);
    }
    const newcomer = await memberOf(t.app, owner, "member");
    const res = await suggest(t, newcomer.headers, { limit: 5 });
    const found = res.items.find((i) => i.card.id === kept.id);
    expect(found, JSON.stringify(res.items.map((i) => [i.card.word, i.score]))).toBeDefined();
    expect(found!.reason).toBe("often kept by people in your organisation");
  });

  it("takes feedback on a shown suggestion, stores which card it was, and refuses someone else's", async () => {
    const shown = await suggest(t, member.headers, { topic: "rest and calm", limit: 3 });
    const rec = shown.items[0];
    const give = (headers: Record<string, string>, targetId: string) => t.app.inject({ method: "POST", url: "/api/feedback", headers, payload: { targetType: "recommendation", targetId, signal: "chosen" } });
    expect((await give(member.headers, rec.recommendationId)).statusCode).toBe(204);
    const [row] = await t.database.db.select().from(feedbackEvents).where(eq(feedbackEvents.targetId, rec.recommendationId));
    expect(row.context).toMatchObject({ cardId: rec.card.id, listId: shown.listId, modelVersion: shown.model.version, topic: "rest and calm" });
    expect((await give(owner.headers, rec.recommendationId)).statusCode).toBe(404);
    expect((await give(member.headers, randomUUID())).statusCode).toBe(404);
  });

  it("turns live card moves into signals: chosen, swapped", async () => {
    const s = await startSession(t, owner, "Team courage");
    const guest = await joinAsGuest(t, s, "Chooser");
    await command(t, s.id, s.facilitatorId, "facilitator", "cards.deal", { deckId: PHOTO_DECK_ID, mode: "face-up", count: 3, to: "table" });
    const state = (await t.ctx.live.current(s.id))!.state;
    const onTable = Object.values(state.cards).filter((c) => c.location.kind === "table");
    await command(t, s.id, guest.participantId, "participant", "card.choose", { cardId: onTable[0].cardId });
    await command(t, s.id, guest.participantId, "participant", "card.swap", { cardId: onTable[0].cardId });
    const signals = () => t.database.db.select().from(feedbackEvents).where(and(eq(feedbackEvents.sessionId, s.id), eq(feedbackEvents.participantId, guest.participantId)));
    await waitFor(async () => (await signals()).length >= 2);
    const rows = await signals();
    expect(rows.map((r) => [r.targetId, r.signal]).sort()).toEqual([[onTable[0].cardId, "chosen"], [onTable[0].cardId, "swapped"]].sort());
    expect(rows[0].context).toMatchObject({ source: "session", topic: "Team courage" });
  });

  it("suggests journeys for a goal sentence", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/recommendations/journeys?goal=" + encodeURIComponent("look back with my team at the last quarter and learn"), headers: member.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { journey: { name: string }; reason: string; recommendationId: string }[]; model: { name: string } };
    expect(body.items).toHaveLength(3);
    expect(body.items[0].journey.name).toBe("Team Retrospective");
    expect(body.items[0].reason).toMatch(/^fits your goal/);
    const fb = await t.app.inject({ method: "POST", url: "/api/feedback", headers: member.headers, payload: { targetType: "recommendation", targetId: body.items[0].recommendationId, signal: "helpful" } });
    expect(fb.statusCode).toBe(204);
  });
});
