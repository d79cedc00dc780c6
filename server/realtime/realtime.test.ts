import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHOTO_DECK_ID, WORD_DECK_ID, defaultJourneys } from "../../content";
import type { SessionState } from "../../domain/session";
import { createTestApp, type TestApp, listenOnLoopback } from "../test/harness";
import { signUp, type SignedUp } from "../test/factories";
import { LiveClient } from "../test/live-client";

describe("live sessions over Socket.IO", () => {
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

  async function newSession(admission: "auto" | "manual" = "auto") {
    const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title: "Monday circle", journeyId: defaultJourneys()[0].id, admission } });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; joinCode: string; participantId: string };
  }

  async function join(code: string, displayName: string) {
    const res = await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: code.toLowerCase(), displayName } });
    expect(res.statusCode).toBe(200);
    return res.json() as { sessionId: string; participantId: string; token: string; admitted: boolean };
  }

  it("runs a round: join, deal face-down, flip, swap, spread and choose, reflect, commit", async () => {
    const s = await newSession();
    const fac = client(owner.token);
    const joined = await fac.join(s.id);
    expect(joined.ok).toBe(true);
    const dana = await join(s.joinCode, "Dana");
    const omer = await join(s.joinCode, "Omer");
    const d = client(dana.token);
    const o = client(omer.token);
    const dj = await d.join(s.id);
    await o.join(s.id);
    expect(dj.ok && dj.state.phase.index).toBe(0);

    const deal = await fac.command("cards.deal", { deckId: PHOTO_DECK_ID, mode: "face-down", count: 2, to: "each" });
    expect(deal.ok).toBe(true);
    if (!deal.ok) return;
    await d.waitForSeq(deal.seq);
    await o.waitForSeq(deal.seq);
    const dealtToDana = d.events.find((e) => e.type === "cards.dealt")!.payload as { cards: { cardId: string; participantId: string }[] };
    const mine = dealtToDana.cards.filter((c) => c.participantId === dana.participantId);
    const theirs = dealtToDana.cards.filter((c) => c.participantId === omer.participantId);
    expect(mine.every((c) => c.cardId !== "hidden")).toBe(true);
    expect(theirs.every((c) => c.cardId === "hidden")).toBe(true);
    // The facilitator sees every card.
    const facDeal = fac.events.find((e) => e.type === "cards.dealt")!.payload as { cards: { cardId: string }[] };
    expect(facDeal.cards.every((c) => c.cardId !== "hidden")).toBe(true);

    expect((await d.command("card.flip", { cardId: mine[0].cardId })).ok).toBe(true);
    const swap = await d.command("card.swap", { cardId: mine[1].cardId });
    expect(swap.ok).toBe(true);

    const spread = await fac.command("cards.deal", { deckId: WORD_DECK_ID, mode: "face-up", count: 3, to: "table" });
    expect(spread.ok).toBe(true);
    if (!spread.ok) return;
    await o.waitForSeq(spread.seq);
    const onTable = (o.events.find((e) => e.type === "cards.dealt" && (e.payload as { to: string }).to === "table")!.payload as { cards: { cardId: string }[] }).cards;
    expect((await o.command("card.choose", { cardId: onTable[0].cardId })).ok).toBe(true);
    const taken = await d.command("card.choose", { cardId: onTable[0].cardId });
    expect(taken).toMatchObject({ ok: false, error: { code: "conflict" } });

    expect((await d.command("reflection.add", { text: "The path feels like my new job", visibility: "private" })).ok).toBe(true);
    const shared = await o.command("reflection.add", { text: "I choose courage", visibility: "shared" });
    expect(shared.ok).toBe(true);
    const commit = await d.command("commitment.add", { text: "Call my sister", due: new Date(Date.now() + 86_400_000).toISOString() });
    expect(commit.ok).toBe(true);
    if (!commit.ok) return;
    await o.waitForSeq(commit.seq);
    // Omer sees that Dana reflected, but not what she wrote.
    const danaPrivate = o.events.find((e) => e.type === "reflection.added" && (e.payload as { participantId: string }).participantId === dana.participantId)!.payload as { text: string };
    expect(danaPrivate.text).not.toContain("new job");

    // Every client has every seq, with no gap.
    await fac.waitForSeq(commit.seq);
    for (const c of [fac, d, o]) expect(c.events.map((e) => e.seq)).toEqual(Array.from({ length: commit.seq }, (_, i) => i + 1).slice(c.events[0].seq - 1));

    const record = await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/record`, headers: owner.headers });
    expect(record.statusCode).toBe(200);
    const r = record.json();
    expect(r.reflections.map((x: { text: string }) => x.text)).toEqual(["I choose courage"]);
    expect(r.commitments).toEqual([expect.objectContaining({ text: "Call my sister", displayName: "Dana" })]);
    expect(r.cards.filter((c: { event: string }) => c.event === "dealt").length).toBe(7);
    expect(r.cards.some((c: { event: string }) => c.event === "swapped")).toBe(true);
  });

  it("tells a guest the words of the cards they may see, and of no others", async () => {
    const s = await newSession();
    const fac = client(owner.token);
    await fac.join(s.id);
    const a = await join(s.joinCode, "Ana");
    const b = await join(s.joinCode, "Ben");
    const deal = await fac.command("cards.deal", { deckId: PHOTO_DECK_ID, mode: "face-down", count: 2, to: "each" });
    expect(deal.ok).toBe(true);
    const state = ((await fac.join(s.id)) as { ok: true; state: SessionState }).state;
    const handOf = (pid: string) => Object.values(state.cards).filter((c) => c.location.kind === "hand" && c.location.participantId === pid).map((c) => c.cardId).sort();
    const res = await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/cards`, headers: { authorization: `Bearer ${a.token}` } });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; word: string }[];
    expect(items.map((c) => c.id).sort()).toEqual(handOf(a.participantId));
    expect(items.every((c) => c.word.length > 0)).toBe(true);
    expect(items.some((c) => handOf(b.participantId).includes(c.id))).toBe(false);
    const other = await newSession();
    expect((await t.app.inject({ method: "GET", url: `/api/sessions/${other.id}/cards`, headers: { authorization: `Bearer ${a.token}` } })).statusCode).toBe(404);
  });

  it("shows a session as ended once its facilitator ends it", async () => {
    const s = await newSession();
    const fac = client(owner.token);
    await fac.join(s.id);
    expect((await fac.command("session.end")).ok).toBe(true);
    let status = "";
    for (let i = 0; i < 50 && status !== "ended"; i++) {
      status = (await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}`, headers: owner.headers })).json().status;
      if (status !== "ended") await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe("ended");
  });

  it("rejects facilitator commands from participants, bad payloads, and applies a repeated command id once", async () => {
    const s = await newSession();
    const p = await join(s.joinCode, "Pat");
    const pc = client(p.token);
    await pc.join(s.id);
    expect(await pc.command("phase.next")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await pc.command("breakouts.open", { count: 2 })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const fac = client(owner.token);
    await fac.join(s.id);
    expect(await fac.command("timer.start", { seconds: -5 })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await fac.command("no.such.command")).toMatchObject({ ok: false, error: { code: "invalid" } });
    const first = await fac.command("phase.next", {}, "cmd-1");
    const again = await fac.command("phase.next", {}, "cmd-1");
    expect(first.ok && again.ok && again.seq === first.seq).toBe(true);
    const state = (await fac.join(s.id)) as { ok: true; state: SessionState };
    expect(state.state.phase.index).toBe(1);
  });

  it("opens balanced breakout rooms, moves people, and closes them", async () => {
    const s = await newSession();
    const fac = client(owner.token);
    await fac.join(s.id);
    const people = [];
    for (const name of ["A", "B", "C", "D", "E"]) {
      const j = await join(s.joinCode, name);
      const c = client(j.token);
      await c.join(s.id);
      people.push({ ...j, c });
    }
    const open = await fac.command("breakouts.open", { count: 2 });
    expect(open.ok).toBe(true);
    const st = ((await fac.join(s.id)) as { ok: true; state: SessionState }).state;
    const sizes = st.breakouts.rooms.map((r) => r.participantIds.length).sort();
    expect(sizes).toEqual([2, 3]);
    const who = people[0].participantId;
    const target = st.breakouts.rooms.find((r) => !r.participantIds.includes(who))!.index;
    expect((await fac.command("breakouts.move", { participantId: who, roomIndex: target })).ok).toBe(true);
    expect((await people[1].c.command("breakouts.callFacilitator")).ok).toBe(true);
    expect((await fac.command("breakouts.close")).ok).toBe(true);
    const after = ((await fac.join(s.id)) as { ok: true; state: SessionState }).state;
    expect(after.breakouts.rooms).toEqual([]);
  });

  it("catches up a reconnecting client with exactly what it missed", async () => {
    const s = await newSession();
    const p = await join(s.joinCode, "Rina");
    const fac = client(owner.token);
    await fac.join(s.id);
    const first = client(p.token);
    await first.join(s.id);
    const ok = await fac.command("timer.start", { seconds: 60 });
    if (!ok.ok) throw new Error("timer");
    await first.waitForSeq(ok.seq);
    const seen = first.lastSeq();
    first.close();
    const a = await fac.command("phase.next");
    const b = await fac.command("timer.pause");
    if (!a.ok || !b.ok) throw new Error("commands");
    const again = client(p.token);
    const ack = await again.join(s.id, seen);
    expect(ack.ok && ack.seq).toBe(b.seq);
    expect(again.events.map((e) => e.seq)).toEqual(Array.from({ length: b.seq - seen }, (_, i) => seen + 1 + i));
  });

  it("keeps every acknowledged event across a restart of the node's memory", async () => {
    const s = await newSession();
    const fac = client(owner.token);
    await fac.join(s.id);
    const last = await fac.command("phase.goto", { index: 2 });
    expect(last.ok).toBe(true);
    t.ctx.live.forget(s.id);
    const ack = (await fac.join(s.id)) as { ok: true; state: SessionState; seq: number };
    expect(ack.state.phase.index).toBe(2);
    expect(ack.seq).toBe(last.ok ? last.seq : -1);
  });

  it("refuses bad tokens at connect, foreign sessions, and joins to locked sessions", async () => {
    const bad = client("not-a-token");
    await expect(bad.connected()).rejects.toThrow(/unauthenticated/);
    const s1 = await newSession();
    const s2 = await newSession();
    const p = await join(s1.joinCode, "Guest");
    const c = client(p.token);
    expect(await c.join(s2.id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const fac = client(owner.token);
    await fac.join(s1.id);
    expect((await fac.command("session.lock")).ok).toBe(true);
    const locked = await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s1.joinCode, displayName: "Late" } });
    expect(locked.statusCode).toBe(409);
    const wrong = await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: "ZZZZZZ", displayName: "Nobody" } });
    expect(wrong.statusCode).toBe(404);
  });

  it("waits in the lobby when admission is manual, until admitted", async () => {
    const s = await newSession("manual");
    const p = await join(s.joinCode, "Lobby Lee");
    expect(p.admitted).toBe(false);
    const c = client(p.token);
    await c.join(s.id);
    expect(await c.command("hand.raise")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const fac = client(owner.token);
    await fac.join(s.id);
    expect((await fac.command("participant.admit", { participantId: p.participantId })).ok).toBe(true);
    expect((await c.command("hand.raise")).ok).toBe(true);
  });

  it("lets a guest claim their journal with an account", async () => {
    const s = await newSession();
    const p = await join(s.joinCode, "Guest Gil");
    const c = client(p.token);
    await c.join(s.id);
    expect((await c.command("reflection.add", { text: "Quiet morning", visibility: "private" })).ok).toBe(true);
    expect((await c.command("commitment.add", { text: "Walk at lunch" })).ok).toBe(true);
    const gil = await signUp(t.app, { name: "Gil" });
    const claim = await t.app.inject({ method: "POST", url: "/api/journal/claim", headers: gil.headers, payload: { participantToken: p.token } });
    expect(claim.statusCode).toBe(200);
    const journal = await t.app.inject({ method: "GET", url: "/api/journal", headers: gil.headers });
    const entry = journal.json().items[0];
    expect(entry.reflections[0].text).toBe("Quiet morning");
    expect(entry.commitments[0].text).toBe("Walk at lunch");
  });
});

describe("safety alerts in a live session", () => {
  it("reach the session's facilitators, and nobody else", async () => {
    const t = await createTestApp();
    const url = await listenOnLoopback(t.app);
    const owner = await signUp(t.app);
    const s = (await t.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title: "Care", journeyId: defaultJourneys()[0].id } })).json();
    const g = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode, displayName: "G" } })).json();
    const fac = new LiveClient(url, owner.token);
    const guest = new LiveClient(url, g.token);
    const got: { fac: unknown[]; guest: unknown[] } = { fac: [], guest: [] };
    fac.socket.on("session:alert", (a) => got.fac.push(a));
    guest.socket.on("session:alert", (a) => got.guest.push(a));
    try {
      await fac.join(s.id);
      await guest.join(s.id);
      const conv = await t.app.inject({ method: "POST", url: "/api/coach/conversations", headers: { authorization: `Bearer ${g.token}` }, payload: { sessionId: s.id } });
      expect(conv.statusCode).toBe(201);
      const reply = await t.app.inject({ method: "POST", url: `/api/coach/conversations/${conv.json().id}/messages`, headers: { authorization: `Bearer ${g.token}` }, payload: { text: "I don't want to live anymore" } });
      expect(reply.json().safety.kind).toBe("self_harm");
      for (let i = 0; i < 100 && got.fac.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(got.fac).toEqual([expect.objectContaining({ sessionId: s.id, participantId: g.participantId, kind: "self_harm" })]);
      expect(got.guest).toEqual([]);
    } finally {
      fac.close();
      guest.close();
      await t.close();
    }
  });
});
