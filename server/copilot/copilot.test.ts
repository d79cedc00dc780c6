import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS, DEFAULT_JOURNEYS, PHOTO_DECK_ID, PROMPT_BANK } from "../../content/index";
import type { CopilotView } from "../../domain/api/copilot";
import { holderOf } from "../../domain/session";
import { command, joinAsGuest, logged, type LiveSession } from "../recs/testing";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { copilotFor } from "./service";

const RETRO = DEFAULT_JOURNEYS.find((j) => j.name === "Team Retrospective")!;

async function runSession(t: TestApp, by: SignedUp, title = "Sprint retro"): Promise<LiveSession> {
  const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: by.headers, payload: { title, journeyId: RETRO.id } });
  expect(res.statusCode, res.body).toBe(201);
  const s = res.json() as { id: string; joinCode: string; participantId: string };
  await command(t, s.id, s.participantId, "facilitator", "session.start");
  return { id: s.id, joinCode: s.joinCode, facilitatorId: s.participantId };
}

async function copilot(t: TestApp, headers: Record<string, string>, sessionId: string, query = "") {
  return t.app.inject({ method: "GET", url: `/api/sessions/${sessionId}/copilot${query}`, headers });
}

async function view(t: TestApp, headers: Record<string, string>, sessionId: string): Promise<CopilotView> {
  const res = await copilot(t, headers, sessionId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CopilotView;
}

/** The word of the face-up card a participant holds. */
async function cardOf(t: TestApp, sessionId: string, participantId: string): Promise<{ id: string; word: string }> {
  const current = await t.ctx.live.current(sessionId);
  const held = Object.values(current!.state.cards).find((c) => holderOf(c) === participantId && c.faceUp)!;
  const card = DEFAULT_CARDS.find((c) => c.id === held.cardId)!;
  return { id: card.id, word: card.word };
}

describe("GET /api/sessions/:id/copilot", () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app, { name: "Copilot Owner" });
  });
  afterAll(() => t.close());

  it("suggests questions from the phase and the cards, a card for the group's theme, and who has not spoken or reflected", async () => {
    const s = await runSession(t, owner);
    const ana = await joinAsGuest(t, s, "Ana");
    const ben = await joinAsGuest(t, s, "Ben");

    const before = await view(t, owner.headers, s.id);
    expect(before.phase).toEqual({ index: 0, name: "Pause", key: "pause" });
    expect(before.notHeardFrom.map((p) => p.displayName)).toEqual(["Ana", "Ben"]);
    expect(before.notReflected.map((p) => p.displayName)).toEqual(["Ana", "Ben"]);
    expect(before.theme).toBeNull();
    expect(before.cards).toEqual([]);
    const pauseGroup = before.questions.find((q) => q.kind === "group")!;
    expect(PROMPT_BANK.some((p) => p.phase === "pause" && p.intent === "group" && p.text === pauseGroup.text)).toBe(true);

    await command(t, s.id, s.facilitatorId, "facilitator", "phase.next");
    await command(t, s.id, s.facilitatorId, "facilitator", "cards.deal", { deckId: PHOTO_DECK_ID, mode: "face-up", count: 1, to: "each" });
    await command(t, s.id, ana.participantId, "participant", "reflection.add", { text: "A narrow bridge over deep water, and I keep walking towards the other side.", visibility: "shared" });
    const benCard = await cardOf(t, s.id, ben.participantId);

    const v = await view(t, owner.headers, s.id);
    expect(v.phase).toEqual({ index: 1, name: "Expand", key: "expand" });
    expect(v.notHeardFrom).toEqual([{ participantId: ben.participantId, displayName: "Ben" }]);
    expect(v.notReflected).toEqual([{ participantId: ben.participantId, displayName: "Ben" }]);
    expect(v.care).toEqual([]);

    // For the group: a group question of this phase from the bank, and the journey's own prompt.
    const group = v.questions.filter((q) => q.audience === "group");
    expect(group.map((q) => q.kind)).toEqual(["group", "journey"]);
    expect(PROMPT_BANK.some((p) => p.phase === "expand" && p.intent === "group" && p.text === group[0].text)).toBe(true);
    const expandPrompts = RETRO.phases.find((p) => p.key === "expand")!.steps.flatMap((st) => st.prompts);
    expect(expandPrompts).toContain(group[1].text);

    // For Ben, not heard from yet: an opening about his own face-up card, asked first.
    const people = v.questions.filter((q) => q.audience === "person");
    expect(people[0]).toMatchObject({ kind: "quiet", person: { participantId: ben.participantId, displayName: "Ben" }, card: benCard });
    // For Ana: a step deeper into what she shared.
    const forAna = people.find((q) => q.person?.participantId === ana.participantId)!;
    expect(forAna.kind).toBe("follow-up");
    for (const q of v.questions) expect(q.text).toMatch(/\?/);
    expect(new Set(v.questions.map((q) => q.id)).size).toBe(v.questions.length);

    // The theme is in Ana's words, and the cards for it are not already in play.
    expect(v.theme?.reflections).toBe(1);
    expect("A narrow bridge over deep water, and I keep walking towards the other side.".toLowerCase()).toContain(v.theme!.phrase.toLowerCase());
    expect(v.cards.length).toBeGreaterThan(0);
    const current = await t.ctx.live.current(s.id);
    const inPlay = new Set(Object.values(current!.state.cards).filter((c) => c.location.kind !== "pile").map((c) => c.cardId));
    for (const c of v.cards) expect(inPlay.has(c.card.id)).toBe(false);
    await logged(t);
  });

  it("asks in Hebrew when asked to", async () => {
    const s = await runSession(t, owner, "בעברית");
    await joinAsGuest(t, s, "Yael");
    const res = await copilot(t, owner.headers, s.id, "?language=he");
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as CopilotView;
    const group = v.questions.find((q) => q.kind === "group")!;
    expect(PROMPT_BANK.some((p) => p.language === "he" && p.phase === "pause" && p.intent === "group" && p.text === group.text)).toBe(true);
    for (const q of v.questions) expect(q.text).toMatch(/[\u0590-\u05FF]/);
  });

  it("does not repeat a question already posted in the chat", async () => {
    const s = await runSession(t, owner, "No repeats");
    await joinAsGuest(t, s, "Dana");
    const first = await view(t, owner.headers, s.id);
    const asked = first.questions.find((q) => q.kind === "group")!;
    await command(t, s.id, s.facilitatorId, "facilitator", "chat.send", { text: asked.text });
    const next = await view(t, owner.headers, s.id);
    expect(next.questions.map((q) => q.text)).not.toContain(asked.text);
    expect(next.questions.some((q) => q.kind === "group")).toBe(true);
  });

  it("flags words that need care and builds neither questions nor the theme from them", async () => {
    const s = await runSession(t, owner, "Care");
    const noa = await joinAsGuest(t, s, "Noa");
    const omer = await joinAsGuest(t, s, "Omer");
    await command(t, s.id, noa.participantId, "participant", "reflection.add", { text: "Honestly some days I want to die, nothing helps.", visibility: "shared" });
    await command(t, s.id, omer.participantId, "participant", "reflection.add", { text: "Planting a small garden with my neighbours this spring.", visibility: "shared" });
    const v = await view(t, owner.headers, s.id);
    expect(v.care).toEqual([{ participantId: noa.participantId, displayName: "Noa" }]);
    expect(v.questions.some((q) => q.person?.participantId === noa.participantId)).toBe(false);
    expect(v.theme?.reflections).toBe(1);
    expect(v.theme?.phrase).not.toMatch(/die|nothing/i);
  });

  it("is for the session's facilitators: guests, members and other facilitators get 403, other organisations and unknown sessions 404, bad input 400", async () => {
    const s = await runSession(t, owner, "Who may look");
    const guest = await joinAsGuest(t, s, "Guest");
    expect((await copilot(t, guest.headers, s.id)).statusCode).toBe(403);

    const member = await memberOf(t.app, owner, "member");
    const other = await memberOf(t.app, owner, "facilitator");
    const admin = await memberOf(t.app, owner, "admin");
    const asMember = await copilot(t, member.headers, s.id);
    expect(asMember.statusCode).toBe(403);
    expect(asMember.json()).toMatchObject({ error: { code: "forbidden" } });
    expect((await copilot(t, other.headers, s.id)).statusCode).toBe(403);
    expect((await copilot(t, admin.headers, s.id)).statusCode).toBe(200);

    // Another organisation never sees it, even right after its facilitator's view was cached.
    await view(t, owner.headers, s.id);
    const stranger = await signUp(t.app, { name: "Other Org" });
    const foreign = await copilot(t, stranger.headers, s.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await copilot(t, owner.headers, randomUUID())).statusCode).toBe(404);
    expect((await copilot(t, owner.headers, "not-a-uuid")).statusCode).toBe(400);
    expect((await copilot(t, owner.headers, s.id, "?language=fr")).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/copilot` })).statusCode).toBe(401);
  });

  it("computes only when asked, and once per session version", async () => {
    const s = await runSession(t, owner, "Costs nothing unwatched");
    const gil = await joinAsGuest(t, s, "Gil");
    const stats = copilotFor(t.ctx).stats;
    const computed = stats.computed;
    // A busy session that nobody's copilot is looking at costs no computation at all.
    for (let i = 0; i < 5; i++) await command(t, s.id, gil.participantId, "participant", "chat.send", { text: `Message ${i}` });
    await command(t, s.id, gil.participantId, "participant", "reflection.add", { text: "Rivers that find their way around rocks", visibility: "shared" });
    expect(stats.computed).toBe(computed);

    const [a, b] = await Promise.all([view(t, owner.headers, s.id), view(t, owner.headers, s.id)]);
    const c = await view(t, owner.headers, s.id);
    expect(stats.computed).toBe(computed + 1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);

    // A new event is a new version; the card suggestions stay while their inputs do.
    const lists = stats.cardLists;
    await command(t, s.id, gil.participantId, "participant", "hand.raise");
    const d = await view(t, owner.headers, s.id);
    expect(d.seq).toBeGreaterThan(a.seq);
    expect(stats.computed).toBe(computed + 2);
    expect(stats.cardLists).toBe(lists);
    expect(d.cards.map((x) => x.recommendationId)).toEqual(a.cards.map((x) => x.recommendationId));
    await logged(t);
  });

  it("never shows what another organisation's recommender learned", async () => {
    // Another organisation keeps one card again and again.
    const otherOwner = await signUp(t.app, { name: "Keeper" });
    const kept = DEFAULT_CARDS.find((c) => c.deckId === PHOTO_DECK_ID && c.word.length > 0)!;
    const keepers = [otherOwner, await memberOf(t.app, otherOwner, "member"), await memberOf(t.app, otherOwner, "facilitator")];
    for (const p of keepers) for (const signal of ["chosen", "kept", "resonant"]) {
      const res = await t.app.inject({ method: "POST", url: "/api/feedback", headers: p.headers, payload: { targetType: "card", targetId: kept.id, signal } });
      expect(res.statusCode, res.body).toBe(204);
    }

    // A fresh organisation's copilot has learned nothing, so no card comes with a learned reason.
    const fresh = await signUp(t.app, { name: "Fresh Org" });
    const s = await runSession(t, fresh, "Fresh");
    const guest = await joinAsGuest(t, s, "Lior");
    await command(t, s.id, guest.participantId, "participant", "reflection.add", { text: "A quiet morning light on the sea and a long road home", visibility: "shared" });
    const v = await view(t, fresh.headers, s.id);
    expect(v.cards.length).toBeGreaterThan(0);
    for (const c of v.cards) expect(["reflection", "topic", "new"], `${c.card.word}: ${c.reason}`).toContain(c.reasonKind);
    await logged(t);
  });
});
