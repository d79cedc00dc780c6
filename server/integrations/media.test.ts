import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenVerifier } from "livekit-server-sdk";
import { decodeJwt } from "jose";
import { defaultJourneys } from "../../content";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { breakoutRoomName, mainRoomName } from "./media";

const LIVEKIT = { LIVEKIT_URL: "wss://livekit.example.test", LIVEKIT_API_KEY: "APIstudiotest", LIVEKIT_API_SECRET: "livekit-test-secret-that-is-long-enough-0123" };

async function newSession(t: TestApp, by: SignedUp, admission: "auto" | "manual" = "auto") {
  const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: by.headers, payload: { title: "Circle", journeyId: defaultJourneys()[0].id, admission } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; joinCode: string; participantId: string };
}

async function join(t: TestApp, code: string, displayName: string) {
  const res = await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: code, displayName } });
  expect(res.statusCode).toBe(200);
  return res.json() as { sessionId: string; participantId: string; token: string };
}

function tokenRequest(t: TestApp, sessionId: string, headers: Record<string, string>, payload?: unknown) {
  return t.app.inject({ method: "POST", url: `/api/sessions/${sessionId}/media/token`, headers: { ...headers, "content-type": "application/json" }, payload: JSON.stringify(payload ?? {}) });
}

describe("media connections with LiveKit configured", () => {
  let t: TestApp;
  let owner: SignedUp;
  const verifier = new TokenVerifier(LIVEKIT.LIVEKIT_API_KEY, LIVEKIT.LIVEKIT_API_SECRET);

  beforeAll(async () => {
    t = await createTestApp(LIVEKIT);
    owner = await signUp(t.app, { name: "Fay Facilitator" });
  });
  afterAll(() => t.close());

  it("gives a participant a token for the main room, signed with the secret, naming them, allowed to publish and subscribe", async () => {
    const s = await newSession(t, owner);
    const dana = await join(t, s.joinCode, "Dana");
    const res = await tokenRequest(t, s.id, { authorization: `Bearer ${dana.token}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { mode: string; url: string; token: string; room: string; breakoutRoom: number | null; expiresAt: string };
    expect(body).toMatchObject({ mode: "livekit", url: LIVEKIT.LIVEKIT_URL, room: mainRoomName(s.id), breakoutRoom: null });

    const claims = await verifier.verify(body.token);
    expect(claims.sub).toBe(dana.participantId);
    expect(claims.name).toBe("Dana");
    expect(claims.iss).toBe(LIVEKIT.LIVEKIT_API_KEY);
    expect(claims.video).toMatchObject({ roomJoin: true, room: mainRoomName(s.id), canPublish: true, canSubscribe: true });
    expect(claims.video?.roomAdmin).toBe(false);
    const now = Math.floor(Date.now() / 1000);
    expect(claims.exp).toBeGreaterThan(now + 6 * 3600 - 60);
    expect(claims.exp).toBeLessThanOrEqual(now + 6 * 3600 + 5);
    expect(JSON.parse(claims.metadata ?? "{}")).toMatchObject({ sessionId: s.id, role: "participant" });

    // A token signed with another secret does not verify.
    await expect(new TokenVerifier(LIVEKIT.LIVEKIT_API_KEY, "another-secret-another-secret-0123456789").verify(body.token)).rejects.toThrow();
  });

  it("lets facilitators administer the room", async () => {
    const s = await newSession(t, owner);
    const res = await tokenRequest(t, s.id, owner.headers);
    expect(res.statusCode).toBe(200);
    const claims = await verifier.verify((res.json() as { token: string }).token);
    expect(claims.sub).toBe(s.participantId);
    expect(claims.name).toBe("Fay Facilitator");
    expect(claims.video).toMatchObject({ room: mainRoomName(s.id), roomJoin: true, canPublish: true, canSubscribe: true, roomAdmin: true });
  });

  it("puts each person in their breakout room while breakouts are open, and back in the main room after", async () => {
    const s = await newSession(t, owner);
    const a = await join(t, s.joinCode, "Avi");
    const b = await join(t, s.joinCode, "Bea");
    const c = await join(t, s.joinCode, "Cal");
    const fac = { participantId: s.participantId, role: "facilitator" as const };
    const opened = await t.ctx.live.execute(s.id, { type: "breakouts.open", payload: { count: 2, assignment: { [a.participantId]: 0, [b.participantId]: 1, [c.participantId]: 1 } } }, fac);
    expect(opened.ok).toBe(true);

    const roomOf = async (token: string) => {
      const res = await tokenRequest(t, s.id, { authorization: `Bearer ${token}` });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { room: string; breakoutRoom: number | null; token: string };
      const claims = decodeJwt(body.token) as { video?: { room?: string } };
      expect(claims.video?.room).toBe(body.room);
      return body;
    };
    expect(await roomOf(a.token)).toMatchObject({ room: breakoutRoomName(s.id, 0), breakoutRoom: 0 });
    expect(await roomOf(b.token)).toMatchObject({ room: breakoutRoomName(s.id, 1), breakoutRoom: 1 });
    expect(await roomOf(c.token)).toMatchObject({ room: breakoutRoomName(s.id, 1), breakoutRoom: 1 });

    // The facilitator stays in the main room unless they choose to visit a breakout.
    expect((await tokenRequest(t, s.id, owner.headers)).json()).toMatchObject({ room: mainRoomName(s.id), breakoutRoom: null });
    const visit = await tokenRequest(t, s.id, owner.headers, { breakoutRoom: 1 });
    expect(visit.json()).toMatchObject({ room: breakoutRoomName(s.id, 1), breakoutRoom: 1 });
    expect((await tokenRequest(t, s.id, owner.headers, { breakoutRoom: 5 })).statusCode).toBe(409);
    // A participant cannot pick another room.
    expect((await tokenRequest(t, s.id, { authorization: `Bearer ${a.token}` }, { breakoutRoom: 1 })).statusCode).toBe(403);

    expect((await t.ctx.live.execute(s.id, { type: "breakouts.move", payload: { participantId: c.participantId, roomIndex: 0 } }, fac)).ok).toBe(true);
    expect(await roomOf(c.token)).toMatchObject({ room: breakoutRoomName(s.id, 0), breakoutRoom: 0 });

    expect((await t.ctx.live.execute(s.id, { type: "breakouts.close", payload: {} }, fac)).ok).toBe(true);
    for (const p of [a, b, c]) expect(await roomOf(p.token)).toMatchObject({ room: mainRoomName(s.id), breakoutRoom: null });
  });

  it("refuses people who are not in the session: another organisation, another session's seat, a removed or waiting participant", async () => {
    const s = await newSession(t, owner, "manual");
    const other = await signUp(t.app, { name: "Other org" });
    expect((await tokenRequest(t, s.id, other.headers)).statusCode).toBe(404);
    // A member of the same organisation without a seat does not get in either.
    const member = await memberOf(t.app, owner, "facilitator");
    expect((await tokenRequest(t, s.id, member.headers)).statusCode).toBe(404);

    const s2 = await newSession(t, owner);
    const elsewhere = await join(t, s2.joinCode, "Elsewhere");
    expect((await tokenRequest(t, s.id, { authorization: `Bearer ${elsewhere.token}` })).statusCode).toBe(404);

    const waiting = await join(t, s.joinCode, "Waiting");
    const waitingRes = await tokenRequest(t, s.id, { authorization: `Bearer ${waiting.token}` });
    expect(waitingRes.statusCode).toBe(403);

    const fac = { participantId: s.participantId, role: "facilitator" as const };
    expect((await t.ctx.live.execute(s.id, { type: "participant.admit", payload: { participantId: waiting.participantId } }, fac)).ok).toBe(true);
    expect((await tokenRequest(t, s.id, { authorization: `Bearer ${waiting.token}` })).statusCode).toBe(200);
    expect((await t.ctx.live.execute(s.id, { type: "participant.remove", payload: { participantId: waiting.participantId } }, fac)).ok).toBe(true);
    const removed = await tokenRequest(t, s.id, { authorization: `Bearer ${waiting.token}` });
    expect(removed.statusCode).toBe(403);
    expect(removed.json()).toMatchObject({ error: { code: "forbidden" } });

    expect((await tokenRequest(t, "00000000-0000-4000-8000-000000000000", owner.headers)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/media/token` })).statusCode).toBe(401);
    expect((await tokenRequest(t, s.id, owner.headers, { breakoutRoom: "one" })).statusCode).toBe(400);
  });
});

describe("media connections without LiveKit", () => {
  let t: TestApp;
  let owner: SignedUp;
  const iceServers = [{ urls: "stun:stun.example.test:3478" }, { urls: ["turn:turn.example.test:3478?transport=udp", "turns:turn.example.test:5349"], username: "studio", credential: "s3cret" }];

  beforeAll(async () => {
    t = await createTestApp({ ICE_SERVERS: JSON.stringify(iceServers) });
    owner = await signUp(t.app);
  });
  afterAll(() => t.close());

  it("answers mesh with the configured ICE servers, for facilitators and participants", async () => {
    const s = await newSession(t, owner);
    const p = await join(t, s.joinCode, "Pia");
    for (const headers of [owner.headers, { authorization: `Bearer ${p.token}` }]) {
      const res = await tokenRequest(t, s.id, headers);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ mode: "mesh", iceServers });
    }
    expect((await tokenRequest(t, s.id, (await signUp(t.app)).headers)).statusCode).toBe(404);
  });
});
