import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS } from "../../content/index";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { onSafetyAlert } from "./alerts";
import { guestInSession, parseEvents } from "./testing";

const PATH = DEFAULT_CARDS.find((c) => c.word === "Winding Path")!;

describe("coach conversations", () => {
  let t: TestApp;
  let owner: SignedUp;
  let stranger: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app, { name: "Rivka Owner" });
    stranger = await signUp(t.app, { name: "Other Org" });
  });
  afterAll(() => t.close());

  async function start(headers: Record<string, string>, body: Record<string, unknown> = {}) {
    const res = await t.app.inject({ method: "POST", url: "/api/coach/conversations", headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }
  async function say(headers: Record<string, string>, id: string, text: string) {
    const res = await t.app.inject({ method: "POST", url: `/api/coach/conversations/${id}/messages`, headers, payload: { text } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { message: { id: string; role: string; text: string; phase?: string }; safety?: { kind: string; resources: { name: string; contact: string }[] } };
  }

  it("answers with one open question grounded in the person's words and the card", async () => {
    const id = await start(owner.headers, { topic: "my work", cardIds: [PATH.id] });
    const first = await say(owner.headers, id, "I feel tired and worried about my job.");
    expect(first.message.role).toBe("coach");
    expect((first.message.text.match(/\?/g) ?? []).length).toBe(1);
    expect(first.safety).toBeUndefined();
    await say(owner.headers, id, "My shoulders are tight and I keep thinking about starting over after I lost my job.");
    const third = await say(owner.headers, id, "I see a long path through green hills, it looks calm but very far away from where I stand.");
    expect(third.message.phase).toBe("expand");
    expect(third.message.text).toMatch(/Winding Path|picture|card|see/i);

    const conv = await t.app.inject({ method: "GET", url: `/api/coach/conversations/${id}`, headers: owner.headers });
    expect(conv.statusCode).toBe(200);
    const body = conv.json() as { messages: { role: string }[]; cardIds: string[]; phase: string };
    expect(body.messages.map((m) => m.role)).toEqual(["user", "coach", "user", "coach", "user", "coach"]);
    expect(body.cardIds).toEqual([PATH.id]);
    const list = await t.app.inject({ method: "GET", url: "/api/coach/conversations", headers: owner.headers });
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(id);
  });

  it("streams the answer as SSE delta events followed by done", async () => {
    const id = await start(owner.headers);
    const res = await t.app.inject({ method: "POST", url: `/api/coach/conversations/${id}/messages`, headers: { ...owner.headers, accept: "text/event-stream" }, payload: { text: "I am arriving a bit rushed today." } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/event-stream/);
    const events = parseEvents(res.body);
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    const done = events.at(-1)!;
    expect(deltas.length).toBeGreaterThan(1);
    expect(done.event).toBe("done");
    const message = (done.data as { message: { id: string; text: string; role: string } }).message;
    expect(message.role).toBe("coach");
    expect(deltas.join("")).toBe(message.text);
  });

  it("keeps another organisation's conversation out of reach (404), and validates input", async () => {
    const id = await start(owner.headers);
    for (const [method, url, payload] of [
      ["GET", `/api/coach/conversations/${id}`, undefined],
      ["POST", `/api/coach/conversations/${id}/messages`, { text: "hello" }],
      ["GET", `/api/coach/conversations/${id}/summary`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: stranger.headers, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const colleague = await memberOf(t.app, owner, "member");
    expect((await t.app.inject({ method: "GET", url: `/api/coach/conversations/${id}`, headers: colleague.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "POST", url: `/api/coach/conversations/${id}/messages`, headers: owner.headers, payload: { text: "" } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "POST", url: "/api/coach/conversations", headers: owner.headers, payload: { cardIds: ["00000000-0000-4000-8000-000000000000"] } })).statusCode).toBe(404);
  });

  it("answers a crisis with care and resources, and alerts the facilitator in a live session", async () => {
    const guest = await guestInSession(t, owner.orgId, owner.user.id, "Noa");
    const alerts: [string, string, string][] = [];
    const off = onSafetyAlert((s, p, k) => alerts.push([s, p, k]));
    const id = await start(guest.headers);
    const answer = await say(guest.headers, id, "Honestly I don't want to live anymore.");
    off();
    expect(answer.safety?.kind).toBe("self_harm");
    expect(answer.safety!.resources.length).toBeGreaterThan(1);
    expect(answer.message.text).not.toMatch(/\?$/);
    expect(alerts).toEqual([[guest.sessionId, guest.participantId, "self_harm"]]);
    const notes = await t.app.inject({ method: "GET", url: "/api/notifications", headers: owner.headers });
    expect((notes.json() as { items: { kind: string }[] }).items.some((n) => n.kind === "safety_alert")).toBe(true);
  });

  it("reopens a conversation after a safety answer, with the resources on the coach's turn only", async () => {
    const id = await start(owner.headers);
    await say(owner.headers, id, "Honestly I don't want to live anymore.");
    const res = await t.app.inject({ method: "GET", url: `/api/coach/conversations/${id}`, headers: owner.headers });
    expect(res.statusCode, res.body).toBe(200);
    const [said, answer] = (res.json() as { messages: { role: string; safety?: { kind: string; resources: unknown[] } }[] }).messages;
    expect(said.role).toBe("user");
    expect(said.safety).toBeUndefined();
    expect(answer.safety?.kind).toBe("self_harm");
    expect(answer.safety!.resources.length).toBeGreaterThan(1);
  });

  it("declines medical advice gently and points to a professional", async () => {
    const id = await start(owner.headers);
    const answer = await say(owner.headers, id, "Should I take more of my anxiety medication before the meeting?");
    expect(answer.safety?.kind).toBe("medical");
    expect(answer.message.text).toMatch(/doctor|pharmacist/i);
  });

  it("lets a session guest talk with the coach and see only their own conversations", async () => {
    const a = await guestInSession(t, owner.orgId, owner.user.id, "Guest A");
    const b = await guestInSession(t, owner.orgId, owner.user.id, "Guest B");
    const id = await start(a.headers, { cardIds: [PATH.id] });
    const answer = await say(a.headers, id, "I notice I'm calmer than I expected.");
    expect(answer.message.text.length).toBeGreaterThan(10);
    expect((await t.app.inject({ method: "GET", url: `/api/coach/conversations/${id}`, headers: b.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/coach/conversations/${id}`, headers: owner.headers })).statusCode).toBe(404);
    const mine = await t.app.inject({ method: "GET", url: "/api/coach/conversations", headers: a.headers });
    expect((mine.json() as { items: { id: string; sessionId: string }[] }).items).toEqual([expect.objectContaining({ id, sessionId: a.sessionId })]);
    expect((await t.app.inject({ method: "POST", url: "/api/coach/conversations", headers: a.headers, payload: { sessionId: b.sessionId } })).statusCode).toBe(404);
  });
});
