import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultJourneys } from "../../content";
import { createTestApp, type TestApp, listenOnLoopback } from "../test/harness";
import { signUp } from "../test/factories";
import { LiveClient } from "../test/live-client";

describe("POST /api/analysis/text and analysis of session texts", () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    base = await listenOnLoopback(t.app);
  });
  afterAll(() => t.close());

  it("answers the contract's shape for a signed-in person", async () => {
    const p = await signUp(t.app);
    const res = await t.app.inject({ method: "POST", url: "/api/analysis/text", headers: p.headers, payload: { text: "I am so happy and grateful for this team" } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.valence).toBeGreaterThan(0.3);
    expect(body.dominant).toBe("joy");
    expect(Object.keys(body.emotions).sort()).toEqual(["anger", "calm", "fear", "joy", "sadness", "surprise"]);
    expect(body.language).toBe("en");
    const he = await t.app.inject({ method: "POST", url: "/api/analysis/text", headers: p.headers, payload: { text: "אני מרגיש שמח מאוד היום" } });
    expect(he.json().dominant).toBe("unknown");
  });

  it("refuses empty, oversized and anonymous requests clearly", async () => {
    const p = await signUp(t.app);
    expect((await t.app.inject({ method: "POST", url: "/api/analysis/text", headers: p.headers, payload: { text: "" } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "POST", url: "/api/analysis/text", headers: p.headers, payload: { text: "a".repeat(5001) } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "POST", url: "/api/analysis/text", payload: { text: "hello" } })).statusCode).toBe(401);
  });

  it("analyses shared reflections and chat as they arrive, and never private reflections", async () => {
    const owner = await signUp(t.app);
    const s = (await t.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title: "Moods", journeyId: defaultJourneys()[0].id } })).json();
    const guest = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode, displayName: "G" } })).json();
    const c = new LiveClient(base, guest.token);
    try {
      await c.join(s.id);
      await c.command("reflection.add", { text: "I feel hopeful and light", visibility: "shared" });
      await c.command("reflection.add", { text: "I am terrified of the exam", visibility: "private" });
      await c.command("chat.send", { text: "This is wonderful" });
      let rows: { source_type: string; valence: number }[] = [];
      for (let i = 0; i < 100 && rows.length < 2; i++) {
        rows = await t.database.query("SELECT source_type, valence FROM text_analyses WHERE session_id = $1 ORDER BY at", [s.id]);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(rows.map((r) => r.source_type).sort()).toEqual(["chat", "reflection"]);
      expect(rows.every((r) => r.valence > 0)).toBe(true);
    } finally {
      c.close();
    }
  });
});
