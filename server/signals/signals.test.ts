import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORD_DECK_ID, defaultJourneys } from "../../content";
import type { SignalsAggregate, SignalsShare } from "../../domain/realtime";
import { SIGNALS_CONSENT_VERSION } from "../../domain/signals";
import { createTestApp, type TestApp, listenOnLoopback } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { LiveClient } from "../test/live-client";
import { signalsService } from "./service";

const voice = { activity: 0.3, speakingMs: 3000, loudness: 0.5, pitchVariation: 2, speakingRate: 4 };
const face = { presence: 1, attention: 0.9, expressions: { neutral: 0.5, happy: 0.4, sad: 0.1 }, fps: 2 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("voice and face signals", () => {
  let t: TestApp;
  let base: string;
  let owner: SignedUp;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    base = await listenOnLoopback(t.app);
    owner = await signUp(t.app, { name: "Facilitator Fay" });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  const client = (token: string) => {
    const c = new LiveClient(base, token);
    clients.push(c);
    return c;
  };

  /** A session with the facilitator and two guests connected, each collecting what they receive. */
  async function circle(by: SignedUp = owner) {
    const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: by.headers, payload: { title: "Signals circle", journeyId: defaultJourneys()[0].id } });
    const s = res.json() as { id: string; joinCode: string };
    const seat = async (name: string) => {
      const r = await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode.toLowerCase(), displayName: name } });
      const j = r.json() as { participantId: string; token: string };
      const c = client(j.token);
      expect((await c.join(s.id)).ok).toBe(true);
      const got: SignalsAggregate[] = [];
      c.socket.on("signals:aggregate", (a) => got.push(a));
      return { ...j, c, got, headers: { authorization: `Bearer ${j.token}` } };
    };
    const fac = client(by.token);
    expect((await fac.join(s.id)).ok).toBe(true);
    const facGot: SignalsAggregate[] = [];
    fac.socket.on("signals:aggregate", (a) => facGot.push(a));
    return { s, fac, facGot, dana: await seat("Dana"), omer: await seat("Omer") };
  }

  const consent = (sessionId: string, headers: Record<string, string>, kinds: string[]) => t.app.inject({ method: "POST", url: `/api/sessions/${sessionId}/signals/consent`, headers, payload: { kinds } });
  const share = (c: LiveClient, body: Partial<SignalsShare> & { sessionId: string }) => c.socket.emit("signals:share", { windowMs: 10_000, ...body } as SignalsShare);
  const about = (got: SignalsAggregate[], id: string) => got.filter((a) => a.participants?.[id]);

  it("drops shares without consent; with voice consent only the voice part reaches the facilitators and no participant", async () => {
    const { s, facGot, dana, omer } = await circle();
    share(dana.c, { sessionId: s.id, voice, face });
    await sleep(2300);
    expect(about(facGot, dana.participantId)).toEqual([]);

    const given = await consent(s.id, dana.headers, ["voice"]);
    expect(given.statusCode).toBe(200);
    expect(given.json()).toMatchObject({ kinds: ["voice"], requested: ["voice"], allowed: { voice: true, face: true }, version: SIGNALS_CONSENT_VERSION });
    share(dana.c, { sessionId: s.id, voice, face });
    await expect.poll(() => about(facGot, dana.participantId).length, { timeout: 10_000 }).toBe(1);
    const seen = about(facGot, dana.participantId)[0].participants![dana.participantId];
    expect(seen.voice).toEqual(voice);
    expect(seen.face).toBeUndefined();
    // Participation 1 (weight 0.3) and animation 2/4 semitones (weight 0.15).
    expect(seen.engagement).toBeCloseTo((0.3 + 0.15 * 0.5) / 0.45, 3);
    expect(about(facGot, dana.participantId)[0].talkShare).toEqual({ [dana.participantId]: 1 });
    // Participants never receive anyone's signals, their own included.
    expect(dana.got).toEqual([]);
    expect(omer.got).toEqual([]);
    expect((await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/signals/consent`, headers: dana.headers })).json()).toMatchObject({ kinds: ["voice"] });

    // Withdrawn: the facilitators learn that Dana stopped (not why), and her next window is dropped.
    expect((await consent(s.id, dana.headers, [])).json()).toMatchObject({ kinds: [] });
    await expect.poll(() => facGot.some((a) => a.stopped?.includes(dana.participantId)), { timeout: 10_000 }).toBe(true);
    const before = about(facGot, dana.participantId).length;
    share(dana.c, { sessionId: s.id, voice });
    await sleep(2300);
    expect(about(facGot, dana.participantId).length).toBe(before);
  });

  it("blocks a kind the organisation switched off, for everyone, and tells guests through the consent answer", async () => {
    const admin = await signUp(t.app, { name: "Ada Admin" });
    const { s, facGot, dana, omer } = await circle(admin);
    const member = await memberOf(t.app, admin, "member");
    expect((await t.app.inject({ method: "PUT", url: "/api/orgs/current/signals", headers: member.headers, payload: { voice: false, face: true } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/orgs/current/signals", headers: member.headers })).json()).toEqual({ voice: true, face: true });
    const put = await t.app.inject({ method: "PUT", url: "/api/orgs/current/signals", headers: admin.headers, payload: { voice: false, face: true } });
    expect(put.json()).toEqual({ voice: false, face: true });
    expect((await t.app.inject({ method: "GET", url: "/api/orgs/current/signals", headers: member.headers })).json()).toEqual({ voice: false, face: true });

    expect((await consent(s.id, dana.headers, ["voice", "face"])).json()).toMatchObject({ kinds: ["face"], requested: ["face", "voice"], allowed: { voice: false, face: true } });
    expect((await consent(s.id, omer.headers, ["voice"])).json()).toMatchObject({ kinds: [], allowed: { voice: false } });
    share(dana.c, { sessionId: s.id, voice, face });
    share(omer.c, { sessionId: s.id, voice });
    await expect.poll(() => about(facGot, dana.participantId).length, { timeout: 10_000 }).toBe(1);
    const seen = about(facGot, dana.participantId)[0].participants![dana.participantId];
    expect(seen.voice).toBeUndefined();
    expect(seen.face).toEqual(face);
    expect(seen.valence).toBeCloseTo(0.3, 2);
    await sleep(1500);
    expect(about(facGot, omer.participantId)).toEqual([]);
  });

  it("drops malformed, oversized, too frequent and facilitator shares, and refuses consent for other seats", async () => {
    const { s, fac, facGot, dana, omer } = await circle();
    await consent(s.id, dana.headers, ["voice", "face"]);
    dana.c.socket.emit("signals:share", { sessionId: s.id, windowMs: 10_000, voice: { ...voice, samples: [0.1, 0.2] } } as unknown as SignalsShare);
    await sleep(100);
    dana.c.socket.emit("signals:share", { sessionId: s.id, windowMs: 10_000, note: "x".repeat(5000) } as unknown as SignalsShare);
    await sleep(100);
    share(fac, { sessionId: s.id, voice });
    await sleep(2300);
    expect(about(facGot, dana.participantId)).toEqual([]);
    share(dana.c, { sessionId: s.id, voice });
    share(dana.c, { sessionId: s.id, voice: { ...voice, speakingMs: 9000 } });
    await expect.poll(() => about(facGot, dana.participantId).length, { timeout: 10_000 }).toBe(1);
    await sleep(1200);
    expect(about(facGot, dana.participantId).map((a) => a.participants![dana.participantId].voice?.speakingMs)).toEqual([3000]);

    // Another session's guest, and the facilitator, cannot consent for this session.
    const other = await circle();
    expect((await consent(s.id, other.dana.headers, ["voice"])).statusCode).toBe(403);
    expect((await consent(s.id, owner.headers, ["voice"])).statusCode).toBe(403);
    expect((await consent(s.id, dana.headers, ["smell"])).statusCode).toBe(400);
    expect((await consent(s.id, {}, ["voice"])).statusCode).toBe(401);
    void omer;
  });

  it("keeps per-minute summaries for analytics afterwards, and the group's text mood around cards", async () => {
    const { s, fac, dana, omer } = await circle();
    await consent(s.id, dana.headers, ["voice"]);
    await consent(s.id, omer.headers, ["voice", "face"]);
    share(dana.c, { sessionId: s.id, voice });
    share(omer.c, { sessionId: s.id, voice: { ...voice, speakingMs: 1000, activity: 0.1 }, face });
    await sleep(500);
    await signalsService(t.ctx).storeMinutesNow();
    const res = await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/signals`, headers: owner.headers });
    expect(res.statusCode).toBe(200);
    const summary = res.json() as { timeline: { contributors: number; engagement?: number }[]; participants: { displayName: string; talkShare?: number }[] };
    expect(summary.participants.map((p) => [p.displayName, p.talkShare]).sort()).toEqual([
      ["Dana", 0.75],
      ["Omer", 0.25],
    ]);
    expect(summary.timeline[0].contributors).toBe(2);
    expect(summary.timeline[0].engagement).toBeGreaterThan(0);
    expect((await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/signals`, headers: dana.headers })).statusCode).toBe(403);

    const minuteAgo = new Date(Date.now() - 60_000);
    await t.database.query(`INSERT INTO text_analyses (session_id, source_type, source_id, valence, emotions, dominant, language, at) VALUES ($1,'chat','a',0.6,'{}','joy','en',$2), ($1,'chat','b',0.5,'{}','joy','en',$2)`, [s.id, minuteAgo]);
    expect((await fac.command("cards.deal", { deckId: WORD_DECK_ID, mode: "face-up", count: 1, to: "table" })).ok).toBe(true);
    const later = new Date(Date.now() + 1000);
    await t.database.query(`INSERT INTO text_analyses (session_id, source_type, source_id, valence, emotions, dominant, language, at) VALUES ($1,'chat','c',-0.2,'{}','sadness','en',$2), ($1,'chat','d',0,'{}','calm','en',$2)`, [s.id, later]);
    const mood = (await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/signals/mood`, headers: owner.headers })).json() as { cards: { word?: string }[]; nudge: { kind: string; cardWord?: string } | null };
    expect(mood.cards).toHaveLength(1);
    expect(mood.nudge).toMatchObject({ kind: "moodDrop", cardWord: mood.cards[0].word });
  });

  it("serves the face models from the studio", async () => {
    const res = await t.app.inject({ method: "GET", url: "/vendor/human/models/blazeface.json" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty("modelTopology");
    expect((await t.app.inject({ method: "GET", url: "/vendor/human/models/..%2Fpackage.json" })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/vendor/human/models/nothing.bin" })).statusCode).toBe(404);
    // The WebAssembly kernels for the face models, with the type browsers need to compile them while streaming.
    const wasm = await t.app.inject({ method: "GET", url: "/vendor/tfjs-wasm/tfjs-backend-wasm-simd.wasm" });
    expect(wasm.statusCode).toBe(200);
    expect(wasm.headers["content-type"]).toBe("application/wasm");
    expect(wasm.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
    expect((await t.app.inject({ method: "GET", url: "/vendor/tfjs-wasm/..%2Fpackage.json" })).statusCode).toBe(404);
  });
});
