import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultJourneys } from "../../content";
import type { MediaCaptionMessage, MediaPeer, MediaRoomAnswer, MediaSignalMessage } from "../../domain/realtime-media";
import { textAnalyses } from "../db/schema";
import { createTestApp, listenOnLoopback, type TestApp } from "../test/harness";
import { signUp, type SignedUp } from "../test/factories";
import { waitFor } from "../test/wait";
import { LiveClient } from "../test/live-client";

/** A live client that also records what the media side of `/live` tells it. */
class MediaClient extends LiveClient {
  readonly signals: MediaSignalMessage[] = [];
  readonly joined: MediaPeer[] = [];
  readonly left: string[] = [];
  readonly rooms: MediaRoomAnswer[] = [];
  readonly captions: MediaCaptionMessage[] = [];
  readonly updated: MediaPeer[] = [];
  peerId = "";

  constructor(base: string, token: string) {
    super(base, token);
    this.socket.on("media:signal", (s) => this.signals.push(s));
    this.socket.on("media:peer-joined", (p) => this.joined.push(p));
    this.socket.on("media:peer-left", (p) => this.left.push(p.peerId));
    this.socket.on("media:peer-updated", (p) => this.updated.push(p));
    this.socket.on("media:caption", (c) => this.captions.push(c));
    this.socket.on("media:room", (r) => {
      this.rooms.push(r);
      if (r.ok) this.peerId = r.peerId;
    });
  }

  async media(sessionId: string, extra: Record<string, unknown> = {}): Promise<MediaRoomAnswer> {
    const answer = await this.socket.timeout(5000).emitWithAck("media:join", { sessionId, ...extra });
    if (answer.ok) this.peerId = answer.peerId;
    return answer;
  }

  signal(to: string, body: Record<string, unknown> = { description: { type: "offer", sdp: "v=0" } }) {
    return this.socket.timeout(5000).emitWithAck("media:signal", { to, ...body } as never);
  }
}


describe("audio and video rooms over /live", () => {
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
    const c = new MediaClient(base, token);
    clients.push(c);
    return c;
  };

  async function newSession(by: SignedUp = owner) {
    const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: by.headers, payload: { title: "Video circle", journeyId: defaultJourneys()[0].id } });
    expect(res.statusCode).toBe(201);
    const s = res.json() as { id: string; joinCode: string };
    const fac = client(by.token);
    expect((await fac.join(s.id)).ok).toBe(true);
    return { ...s, fac };
  }

  async function participant(code: string, sessionId: string, name: string) {
    const res = await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: code.toLowerCase(), displayName: name } });
    expect(res.statusCode).toBe(200);
    const j = res.json() as { participantId: string; token: string };
    const c = client(j.token);
    expect((await c.join(sessionId)).ok).toBe(true);
    return { ...j, c };
  }

  it("relays offers and candidates to one peer in the same room, tells the room who joins, changes and leaves", async () => {
    const s = await newSession();
    const dana = await participant(s.joinCode, s.id, "Dana");
    const omer = await participant(s.joinCode, s.id, "Omer");

    const f = await s.fac.media(s.id);
    expect(f).toMatchObject({ ok: true, room: { key: "main", breakout: null }, peers: [], maxPeers: 8 });
    const d = await dana.c.media(s.id, { audio: true, video: false });
    expect(d.ok && d.peers.map((p) => p.peerId)).toEqual([s.fac.peerId]);
    await waitFor(() => s.fac.joined.some((p) => p.peerId === dana.c.peerId && p.participantId === dana.participantId && !p.video), "the facilitator hears Dana joined");
    expect(dana.c.joined).toEqual([]);

    // An offer and a candidate reach only the peer they are addressed to.
    expect(await dana.c.signal(s.fac.peerId)).toEqual({ ok: true });
    const candidate = { candidate: "candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host", sdpMid: "0", sdpMLineIndex: 0 };
    expect(await s.fac.signal(dana.c.peerId, { candidate })).toEqual({ ok: true });
    await waitFor(() => s.fac.signals.length === 1 && dana.c.signals.length === 1, "both signals");
    expect(s.fac.signals[0]).toEqual({ from: dana.c.peerId, description: { type: "offer", sdp: "v=0" } });
    expect(dana.c.signals[0]).toEqual({ from: s.fac.peerId, candidate });

    // Omer is in the session but not in the call: he cannot be reached and cannot signal.
    expect(await s.fac.signal(omer.participantId)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await omer.c.signal(s.fac.peerId)).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(omer.c.signals).toEqual([]);
    // A signal to oneself, or without a description or candidate, goes nowhere.
    expect(await dana.c.signal(dana.c.peerId)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await dana.c.signal(s.fac.peerId, {})).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await dana.c.signal(s.fac.peerId, { description: { type: "offer", sdp: "x".repeat(70_000) } })).toMatchObject({ ok: false, error: { code: "invalid" } });

    dana.c.socket.emit("media:state", { audio: false, video: false, screen: false });
    await waitFor(() => s.fac.updated.some((p) => p.peerId === dana.c.peerId && !p.audio), "the mute reaches the room");

    expect(await dana.c.socket.timeout(5000).emitWithAck("media:leave")).toEqual({ ok: true });
    await waitFor(() => s.fac.left.includes(dana.c.peerId), "the room hears Dana left");
    expect(await s.fac.signal(dana.c.peerId)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("keeps another session's peers unreachable, and refuses bad requests and the table view", async () => {
    const a = await newSession();
    const other = await signUp(t.app, { name: "Other Org Olga" });
    const b = await newSession(other);
    const dana = await participant(a.joinCode, a.id, "Dana");
    const ben = await participant(b.joinCode, b.id, "Ben");
    await a.fac.media(a.id);
    await dana.c.media(a.id);
    const inB = await ben.c.media(b.id);
    expect(inB.ok && inB.peers).toEqual([]);
    expect(await ben.c.signal(dana.c.peerId)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await ben.c.signal(a.fac.peerId, { candidate: null })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(dana.c.signals).toEqual([]);
    // A seat cannot ask for another session's media.
    expect(await ben.c.media(a.id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await ben.c.media("")).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await ben.c.media(b.id, { visit: 0 })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // Not joined to the session yet, or only watching the table: no media.
    const stranger = client(other.token);
    await stranger.connected();
    expect(await stranger.media(b.id)).toMatchObject({ ok: false, error: { code: "conflict" } });
    const table = client(owner.token);
    expect((await table.join(a.id, undefined, { view: "table" })).ok).toBe(true);
    expect(await table.media(a.id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("moves media with breakouts: each person reaches only their room's peers, and closing brings everyone back", async () => {
    const s = await newSession();
    const people: Awaited<ReturnType<typeof participant>>[] = [];
    for (const name of ["Ana", "Ben", "Cai", "Dov"]) people.push(await participant(s.joinCode, s.id, name));
    const [ana, ben, cai, dov] = people;
    await s.fac.media(s.id);
    for (const p of people) expect((await p.c.media(s.id)).ok).toBe(true);
    const ids = Object.fromEntries(people.map((p) => [p.participantId, p]));

    const open = await s.fac.command("breakouts.open", { count: 2, assignment: { [ana.participantId]: 0, [ben.participantId]: 0, [cai.participantId]: 1, [dov.participantId]: 1 } });
    expect(open.ok).toBe(true);
    for (const p of people) await waitFor(() => p.c.rooms.length === 1, `${p.participantId} moved`);
    const roomOf = (p: (typeof people)[number]) => p.c.rooms.at(-1) as Extract<MediaRoomAnswer, { ok: true }>;
    expect(roomOf(ana).room).toEqual({ key: "breakout:0", breakout: 0 });
    expect(roomOf(cai).room).toEqual({ key: "breakout:1", breakout: 1 });
    // Each room's answer lists exactly the others already there (the last to arrive sees the first).
    const inRoom0 = [...roomOf(ana).peers, ...roomOf(ben).peers].map((p) => ids[p.participantId]?.participantId ?? p.participantId);
    expect(inRoom0).toEqual([expect.any(String)]);
    expect([ana.participantId, ben.participantId]).toContain(inRoom0[0]);
    // The facilitator stays in the main room, now on their own.
    await waitFor(() => people.every((p) => s.fac.left.includes(p.c.peerId)), "the main room hears everyone left");

    expect(await ana.c.signal(ben.c.peerId)).toEqual({ ok: true });
    expect(await ana.c.signal(cai.c.peerId)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await ana.c.signal(s.fac.peerId)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await s.fac.signal(dov.c.peerId)).toMatchObject({ ok: false, error: { code: "not_found" } });

    // Moving one person moves their media: Ben leaves room 0 for room 1.
    expect((await s.fac.command("breakouts.move", { participantId: ben.participantId, roomIndex: 1 })).ok).toBe(true);
    await waitFor(() => ben.c.rooms.length === 2, "Ben moved");
    const benNow = roomOf(ben);
    expect(benNow.room.breakout).toBe(1);
    expect(benNow.peers.map((p) => p.participantId).sort()).toEqual([cai.participantId, dov.participantId].sort());
    await waitFor(() => ana.c.left.includes(ben.c.peerId), "Ana hears Ben left");
    expect(await ben.c.signal(cai.c.peerId)).toEqual({ ok: true });
    expect(await ben.c.signal(ana.c.peerId)).toMatchObject({ ok: false, error: { code: "not_found" } });

    // The facilitator may visit a room and come back.
    const visit = await s.fac.media(s.id, { visit: 0 });
    expect(visit.ok && visit.room.breakout).toBe(0);
    expect(visit.ok && visit.peers.map((p) => p.participantId)).toEqual([ana.participantId]);
    expect(await s.fac.signal(ana.c.peerId)).toEqual({ ok: true });

    expect((await s.fac.command("breakouts.close")).ok).toBe(true);
    await waitFor(() => people.every((p) => roomOf(p).room.key === "main") && s.fac.rooms.length > 0, "everyone back in the main room");
    for (const c of [...people.map((p) => p.c), s.fac]) {
      expect(await c.signal((c === ana.c ? cai : ana).c.peerId)).toEqual({ ok: true });
    }
    // The last one back sees everyone in the main room.
    const everyone = new Set([...people.map((p) => p.c.peerId), s.fac.peerId]);
    const seen = new Set<string>();
    for (const c of [...people.map((p) => p.c), s.fac]) {
      for (const r of c.rooms) if (r.ok && r.room.key === "main") r.peers.forEach((p) => seen.add(p.peerId));
      c.joined.forEach((p) => seen.add(p.peerId));
    }
    for (const id of everyone) expect(seen.has(id)).toBe(true);
  });

  it("refuses a ninth person in a mesh room with a clear message, and lets them in once someone leaves", async () => {
    const s = await newSession();
    await s.fac.media(s.id);
    const people: Awaited<ReturnType<typeof participant>>[] = [];
    for (let i = 1; i <= 8; i++) people.push(await participant(s.joinCode, s.id, `P${i}`));
    for (const p of people.slice(0, 7)) expect((await p.c.media(s.id)).ok).toBe(true);
    const ninth = people[7];
    const refused = await ninth.c.media(s.id);
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(!refused.ok && refused.error.message).toMatch(/8 people/);
    // Someone in a LiveKit room does not count against the mesh.
    const lk = await participant(s.joinCode, s.id, "Lina");
    expect((await lk.c.media(s.id, { mode: "livekit" })).ok).toBe(true);
    await people[0].c.socket.timeout(5000).emitWithAck("media:leave");
    expect((await ninth.c.media(s.id)).ok).toBe(true);
  });

  it("relays captions to the room only, and feeds the text signals only with voice consent", async () => {
    const s = await newSession();
    const dana = await participant(s.joinCode, s.id, "Dana");
    const omer = await participant(s.joinCode, s.id, "Omer");
    const rina = await participant(s.joinCode, s.id, "Rina");
    await s.fac.command("breakouts.open", { count: 2, assignment: { [dana.participantId]: 0, [omer.participantId]: 0, [rina.participantId]: 1 } });
    for (const p of [dana, omer, rina]) await p.c.media(s.id);
    const captionRows = async () =>
      (await t.database.db.select({ participant_id: textAnalyses.participantId }).from(textAnalyses).where(and(eq(textAnalyses.sessionId, s.id), eq(textAnalyses.sourceType, "caption")))) as { participant_id: string }[];

    dana.c.socket.emit("media:caption", { text: "I feel hopeful and grateful today", final: true });
    await waitFor(() => omer.c.captions.length === 1, "Omer sees Dana's caption");
    expect(omer.c.captions[0]).toMatchObject({ participantId: dana.participantId, text: "I feel hopeful and grateful today", final: true });
    dana.c.socket.emit("media:caption", { text: "x".repeat(400), final: false });
    await new Promise((r) => setTimeout(r, 200));
    expect(rina.c.captions).toEqual([]);
    expect(dana.c.captions).toEqual([]);
    expect(omer.c.captions).toHaveLength(1);
    expect(await captionRows()).toEqual([]);

    const consent = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/signals/consent`, headers: { authorization: `Bearer ${dana.token}` }, payload: { kinds: ["voice"] } });
    expect(consent.statusCode).toBe(200);
    dana.c.socket.emit("media:caption", { text: "This card makes me happy", final: true });
    await waitFor(() => omer.c.captions.length === 2, "the second caption");
    let rows: { participant_id: string }[] = [];
    for (let i = 0; i < 100 && rows.length === 0; i++) {
      rows = await captionRows();
      if (rows.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(rows.map((r) => r.participant_id)).toEqual([dana.participantId]);
    // Interim words are shown but never analysed.
    dana.c.socket.emit("media:caption", { text: "maybe", final: false });
    await waitFor(() => omer.c.captions.length === 3, "the interim caption");
    await new Promise((r) => setTimeout(r, 100));
    expect(await captionRows()).toHaveLength(1);
  });

  it("keeps a peer's place through a dropped connection so the call resumes without renegotiating everyone", async () => {
    const s = await newSession();
    const dana = await participant(s.joinCode, s.id, "Dana");
    await s.fac.media(s.id);
    await dana.c.media(s.id);
    const held = dana.c.peerId;
    // Cut the transport, as a lost network would.
    dana.c.socket.io.engine.close();
    await new Promise((r) => setTimeout(r, 150));
    const again = client(dana.token);
    expect((await again.join(s.id)).ok).toBe(true);
    const resumed = await again.media(s.id, { resume: held });
    expect(resumed.ok && resumed.peerId).toBe(held);
    expect(resumed.ok && resumed.peers.map((p) => p.peerId)).toEqual([s.fac.peerId]);
    expect(await s.fac.signal(held)).toEqual({ ok: true });
    await waitFor(() => again.signals.length === 1, "the resumed peer is reachable");
    expect(s.fac.left).not.toContain(held);
    // Someone else cannot take that place.
    const omer = await participant(s.joinCode, s.id, "Omer");
    const taken = await omer.c.media(s.id, { resume: held });
    expect(taken.ok && taken.peerId).not.toBe(held);
  });
});
