import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS } from "../../content/index";
import { createTestApp, type TestApp } from "../test/harness";
import { signUp, type SignedUp } from "../test/factories";

const CARD = DEFAULT_CARDS.find((c) => c.word === "Courage")!;

describe("summaries and memories", () => {
  let t: TestApp;
  let me: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    me = await signUp(t.app, { name: "Summary Person" });
  });
  afterAll(() => t.close());

  it("proposes a summary, lets the person edit and keep it, remembers with consent, and deletes it", async () => {
    const id = ((await t.app.inject({ method: "POST", url: "/api/coach/conversations", headers: me.headers, payload: { cardIds: [CARD.id] } })).json() as { id: string }).id;
    for (const text of [
      "I feel nervous about speaking up in meetings.",
      "My chest gets tight when I think about the weekly meeting.",
      "I'm ready to move on",
      "The card shows courage, I think it is about finding my voice at work.",
      "I'm ready",
      "What matters most is being honest about my ideas.",
      "I'm ready",
      "I will share one idea in the Monday meeting",
    ]) {
      const res = await t.app.inject({ method: "POST", url: `/api/coach/conversations/${id}/messages`, headers: me.headers, payload: { text } });
      expect(res.statusCode).toBe(200);
    }
    const draft = (await t.app.inject({ method: "GET", url: `/api/coach/conversations/${id}/summary`, headers: me.headers })).json() as {
      status: string;
      themes: string[];
      cards: { word: string }[];
      commitments: { text: string; timeFrame: string | null; dueAt: string | null }[];
    };
    expect(draft.status).toBe("draft");
    expect(draft.themes.length).toBeGreaterThan(0);
    expect(draft.cards.map((c) => c.word)).toEqual(["Courage"]);
    expect(draft.commitments[0]).toMatchObject({ text: "I will share one idea in the Monday meeting", timeFrame: expect.stringMatching(/monday/i) });
    expect(draft.commitments[0].dueAt).not.toBeNull();

    const put = await t.app.inject({
      method: "PUT",
      url: `/api/coach/conversations/${id}/summary`,
      headers: me.headers,
      payload: { themes: ["finding my voice"], cards: draft.cards, commitments: [{ text: "Share one idea on Monday", timeFrame: "Monday" }], remember: true, track: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ status: "kept", themes: ["finding my voice"] });
    // Saving again must not track the same commitment twice.
    await t.app.inject({ method: "PUT", url: `/api/coach/conversations/${id}/summary`, headers: me.headers, payload: { themes: ["finding my voice"], commitments: [{ text: "Share one idea on Monday" }], remember: true } });
    const commitments = (await t.app.inject({ method: "GET", url: "/api/commitments", headers: me.headers })).json() as { items: { text: string }[] };
    expect(commitments.items.filter((c) => c.text.startsWith("Share one idea on Monday"))).toHaveLength(1);

    const memories = (await t.app.inject({ method: "GET", url: "/api/coach/memories", headers: me.headers })).json() as { items: { id: string; kind: string; text: string }[] };
    expect(memories.items.map((m) => [m.kind, m.text]).sort()).toEqual([["commitment", "Share one idea on Monday"], ["theme", "finding my voice"]]);

    // A later conversation may use what was kept.
    const next = ((await t.app.inject({ method: "POST", url: "/api/coach/conversations", headers: me.headers, payload: {} })).json() as { id: string }).id;
    const first = (await t.app.inject({ method: "POST", url: `/api/coach/conversations/${next}/messages`, headers: me.headers, payload: { text: "Hello again, I'm a bit tired." } })).json() as { message: { text: string } };
    expect(first.message.text).toMatch(/Share one idea on Monday|finding my voice/);

    for (const m of memories.items) expect((await t.app.inject({ method: "DELETE", url: `/api/coach/memories/${m.id}`, headers: me.headers })).statusCode).toBe(204);
    expect(((await t.app.inject({ method: "GET", url: "/api/coach/memories", headers: me.headers })).json() as { items: unknown[] }).items).toEqual([]);
    expect((await t.app.inject({ method: "DELETE", url: `/api/coach/memories/${memories.items[0].id}`, headers: me.headers })).statusCode).toBe(404);

    expect((await t.app.inject({ method: "DELETE", url: `/api/coach/conversations/${id}/summary`, headers: me.headers })).statusCode).toBe(204);
    expect(((await t.app.inject({ method: "GET", url: `/api/coach/conversations/${id}/summary`, headers: me.headers })).json() as { status: string }).status).toBe("draft");
  });
});
