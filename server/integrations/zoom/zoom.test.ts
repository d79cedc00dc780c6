import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtVerify } from "jose";
import { defaultJourneys } from "../../../content";
import { createTestApp, type TestApp } from "../../test/harness";
import { memberOf, signUp, type SignedUp } from "../../test/factories";
import { fakeHostOf, meetingEvent, newFakeAccount, signedDelivery, startFakeZoom, type FakeZoom, type FakeZoomAccount } from "./fake";
import { urlValidationAnswer } from "./webhook";

interface Org {
  owner: SignedUp;
  account: FakeZoomAccount;
  webhookSecret: string;
}

describe("Zoom for sessions, against a local fake of Zoom", () => {
  let t: TestApp;
  let zoom: FakeZoom;
  let a: Org;
  let b: Org;

  async function connect(org: Org, extra: Record<string, string> = {}) {
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/orgs/current/zoom",
      headers: org.owner.headers,
      payload: { accountId: org.account.accountId, clientId: org.account.clientId, clientSecret: org.account.clientSecret, webhookSecretToken: org.webhookSecret, ...extra },
    });
    return res;
  }

  async function newOrg(name: string): Promise<Org> {
    const owner = await signUp(t.app, { name });
    const account = newFakeAccount();
    zoom.addAccount(account);
    return { owner, account, webhookSecret: `whsec-${name}-${Math.random().toString(36).slice(2)}` };
  }

  async function newSession(org: Org) {
    const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: org.owner.headers, payload: { title: "Thursday circle", journeyId: defaultJourneys()[0].id } });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; joinCode: string; joinUrl: string; participantId: string };
  }

  const createMeeting = (org: Org, sessionId: string) =>
    t.app.inject({ method: "POST", url: `/api/sessions/${sessionId}/zoom`, headers: { ...org.owner.headers, "content-type": "application/json" }, payload: "{}" });

  function deliver(orgId: string, secret: string, body: unknown, timestamp?: number) {
    const { raw, headers } = signedDelivery(secret, body, timestamp);
    return t.app.inject({ method: "POST", url: `/api/integrations/zoom/webhook/${orgId}`, headers, payload: raw });
  }

  beforeAll(async () => {
    zoom = await startFakeZoom();
    t = await createTestApp({ ZOOM_API_URL: zoom.apiUrl, ZOOM_OAUTH_URL: zoom.oauthUrl, ZOOM_TIMEOUT_MS: "400", PUBLIC_URL: "https://studio.example.test" });
    a = await newOrg("Alpha");
    b = await newOrg("Beta");
    expect((await connect(a, { sdkKey: "sdk-key-alpha", sdkSecret: "sdk-secret-alpha-0123456789" })).statusCode).toBe(200);
    expect((await connect(b)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await zoom.close();
  });

  it("keeps the credentials encrypted and never returns them", async () => {
    const view = await t.app.inject({ method: "GET", url: "/api/orgs/current/zoom", headers: a.owner.headers });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ connected: true, meetingSdk: true, webhookUrl: `https://studio.example.test/api/integrations/zoom/webhook/${a.owner.orgId}` });
    for (const secret of [a.account.clientSecret, a.webhookSecret, "sdk-secret-alpha-0123456789"]) expect(view.body).not.toContain(secret);

    const rows = await t.database.query<Record<string, string | null>>("SELECT * FROM zoom_connections WHERE org_id = $1", [a.owner.orgId]);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    for (const secret of [a.account.clientSecret, a.webhookSecret, "sdk-secret-alpha-0123456789"]) expect(stored).not.toContain(secret);
    expect(rows[0].client_secret_sealed).toMatch(/^v1\./);

    expect((await t.app.inject({ method: "GET", url: "/api/orgs/current/zoom", headers: b.owner.headers })).json()).toMatchObject({ connected: true, meetingSdk: false });
    // Only admins manage it; facilitators learn only whether meetings can be created.
    const facilitator = await memberOf(t.app, a.owner, "facilitator");
    expect((await t.app.inject({ method: "GET", url: "/api/orgs/current/zoom", headers: facilitator.headers })).statusCode).toBe(403);
    const availability = await t.app.inject({ method: "GET", url: "/api/integrations/zoom", headers: facilitator.headers });
    expect(availability.json()).toEqual({ connected: true, meetingSdk: true });
  });

  it("refuses credentials Zoom does not accept, with a clear 4xx, and keeps nothing", async () => {
    const c = await newOrg("Gamma");
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/orgs/current/zoom",
      headers: c.owner.headers,
      payload: { accountId: c.account.accountId, clientId: c.account.clientId, clientSecret: "wrong", webhookSecretToken: "x" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: "zoom_rejected" } });
    expect((await t.app.inject({ method: "GET", url: "/api/orgs/current/zoom", headers: c.owner.headers })).json()).toMatchObject({ connected: false });
    const half = await t.app.inject({
      method: "PUT",
      url: "/api/orgs/current/zoom",
      headers: c.owner.headers,
      payload: { accountId: c.account.accountId, clientId: c.account.clientId, clientSecret: c.account.clientSecret, webhookSecretToken: "x", sdkKey: "only-key" },
    });
    expect(half.statusCode).toBe(400);
  });

  it("creates the session's meeting with the studio's join link and code in its agenda, fetching a token once and reusing it", async () => {
    const before = zoom.requests.filter((r) => r.path === "/oauth/token").length;
    const s1 = await newSession(a);
    const s2 = await newSession(a);
    const r1 = await createMeeting(a, s1.id);
    expect(r1.statusCode).toBe(201);
    const m1 = r1.json() as { meetingId: string; joinUrl: string; startUrl: string; agenda: string; password: string };
    expect(m1.joinUrl).toMatch(/^https:\/\/us02web\.zoom\.us\/j\//);
    expect(m1.startUrl).toMatch(/^https:\/\/us02web\.zoom\.us\/s\//);
    expect(m1.agenda).toContain(s1.joinCode);
    expect(m1.agenda).toContain(`https://studio.example.test/join/${s1.joinCode}`);
    expect((await createMeeting(a, s2.id)).statusCode).toBe(201);

    const tokenCalls = zoom.requests.filter((r) => r.path === "/oauth/token").slice(before);
    // Connecting fetched Alpha's token already; both meetings reused it.
    expect(tokenCalls).toHaveLength(0);
    const created = zoom.requests.filter((r) => r.path === "/v2/users/me/meetings").slice(-2);
    expect(created.map((r) => (r.body as { agenda: string }).agenda)).toEqual([expect.stringContaining(s1.joinCode), expect.stringContaining(s2.joinCode)]);
    expect(created[0].body).toMatchObject({ topic: "Thursday circle", type: 2 });
    expect(created[0].headers.authorization).toMatch(/^Bearer fake\./);
    expect(created[0].headers.authorization).toBe(created[1].headers.authorization);

    // A second meeting for the same session is a conflict; the first one stays.
    expect((await createMeeting(a, s1.id)).statusCode).toBe(409);
    // The record and the session view show it.
    const view = await t.app.inject({ method: "GET", url: `/api/sessions/${s1.id}/zoom`, headers: a.owner.headers });
    expect(view.json()).toMatchObject({ connected: true, meeting: { meetingId: m1.meetingId, joinUrl: m1.joinUrl, startUrl: m1.startUrl } });
  });

  it("fetches the token once per organisation and again only when it expires", async () => {
    const c = await newOrg("Delta");
    zoom.setTokenLifetime(30); // within the refresh margin: every use needs a new token
    expect((await connect(c)).statusCode).toBe(200);
    const before = zoom.requests.filter((r) => r.path === "/oauth/token").length;
    expect((await createMeeting(c, (await newSession(c)).id)).statusCode).toBe(201);
    expect(zoom.requests.filter((r) => r.path === "/oauth/token").length).toBe(before + 1);
    zoom.setTokenLifetime(3599);
    expect((await createMeeting(c, (await newSession(c)).id)).statusCode).toBe(201);
    expect((await createMeeting(c, (await newSession(c)).id)).statusCode).toBe(201);
    expect(zoom.requests.filter((r) => r.path === "/oauth/token").length).toBe(before + 2);
    const last = zoom.requests.filter((r) => r.path === "/oauth/token").at(-1)!;
    expect(last.query).toEqual({ grant_type: "account_credentials", account_id: c.account.accountId });
    expect(last.headers.authorization).toBe(`Basic ${Buffer.from(`${c.account.clientId}:${c.account.clientSecret}`).toString("base64")}`);
  });

  it("turns Zoom's failures into clear client errors, never a 5xx, and the session is still there", async () => {
    const cases: { failure: Parameters<FakeZoom["failNext"]>[1]; status: number; code: string; endpoint: "token" | "meetings" }[] = [
      { endpoint: "meetings", failure: { status: 429, body: { code: 429, message: "You have reached the maximum per-second rate limit" }, headers: { "retry-after": "7" } }, status: 429, code: "rate_limited" },
      { endpoint: "meetings", failure: { status: 503, body: { message: "Service unavailable" } }, status: 422, code: "zoom_unavailable" },
      { endpoint: "meetings", failure: { status: 500 }, status: 422, code: "zoom_unavailable" },
      { endpoint: "meetings", failure: "timeout", status: 422, code: "zoom_unavailable" },
      { endpoint: "meetings", failure: { status: 404, body: { code: 1001, message: "User does not exist" } }, status: 422, code: "zoom_rejected" },
    ];
    for (const c of cases) {
      const s = await newSession(a);
      zoom.failNext(c.endpoint, c.failure);
      const res = await createMeeting(a, s.id);
      expect(res.statusCode, JSON.stringify(c.failure)).toBe(c.status);
      expect(res.json()).toMatchObject({ error: { code: c.code } });
      if (c.status === 429) expect(res.headers["retry-after"]).toBe("7");
      const still = await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}`, headers: a.owner.headers });
      expect(still.statusCode).toBe(200);
      expect((await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/zoom`, headers: a.owner.headers })).json()).toMatchObject({ meeting: null });
      // Trying again once Zoom is back works.
      expect((await createMeeting(a, s.id)).statusCode).toBe(201);
    }

    // Zoom revoked the token early (401 on the API): one fresh token, then it works.
    const s = await newSession(a);
    const tokensBefore = zoom.requests.filter((r) => r.path === "/oauth/token").length;
    zoom.failNext("meetings", { status: 401, body: { code: 124, message: "Invalid access token." } });
    expect((await createMeeting(a, s.id)).statusCode).toBe(201);
    expect(zoom.requests.filter((r) => r.path === "/oauth/token").length).toBe(tokensBefore + 1);

    // The credentials stopped working (sign-in refused): 422 zoom_rejected.
    const d = await newOrg("Epsilon");
    zoom.setTokenLifetime(30);
    expect((await connect(d)).statusCode).toBe(200);
    zoom.setTokenLifetime(3599);
    zoom.failNext("token", { status: 401, body: { reason: "Invalid client_id or client_secret", error: "invalid_client" } });
    const refused = await createMeeting(d, (await newSession(d)).id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: "zoom_rejected", message: expect.stringContaining("Invalid client_id or client_secret") } });

    // Without a connection: 422 with what to do.
    const e = await newOrg("Zeta");
    const none = await createMeeting(e, (await newSession(e)).id);
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toMatch(/not connected/);
  });

  it("shows the join link to participants and the start link to facilitators only", async () => {
    const s = await newSession(a);
    const m = (await createMeeting(a, s.id)).json() as { joinUrl: string; startUrl: string };
    const guest = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode, displayName: "Guest" } })).json() as { token: string };
    const seen = await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/zoom`, headers: { authorization: `Bearer ${guest.token}` } });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ meeting: { joinUrl: m.joinUrl, startUrl: null } });
    expect(seen.body).not.toContain(m.startUrl);
    // Another organisation sees nothing of it.
    expect((await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/zoom`, headers: b.owner.headers })).statusCode).toBe(404);
    expect((await createMeeting(b, s.id)).statusCode).toBe(404);
    // A member who is not a facilitator cannot create meetings.
    const member = await memberOf(t.app, a.owner, "member");
    expect((await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom`, headers: member.headers })).statusCode).toBe(403);
  });

  it("issues Meeting SDK signatures: host for facilitators, attendee for participants", async () => {
    const s = await newSession(a);
    const m = (await createMeeting(a, s.id)).json() as { meetingId: string };
    const res = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: a.owner.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { signature: string; sdkKey: string; meetingNumber: string; role: number };
    expect(body).toMatchObject({ sdkKey: "sdk-key-alpha", meetingNumber: m.meetingId, role: 1 });
    const { payload, protectedHeader } = await jwtVerify(body.signature, new TextEncoder().encode("sdk-secret-alpha-0123456789"));
    expect(protectedHeader).toMatchObject({ alg: "HS256", typ: "JWT" });
    expect(payload).toMatchObject({ appKey: "sdk-key-alpha", mn: m.meetingId, role: 1 });
    // The SDK key travels as `appKey` only: the SDK warns that an `sdkKey` claim is deprecated.
    expect(Object.keys(payload).sort()).toEqual(["appKey", "exp", "iat", "mn", "role", "tokenExp"]);
    const now = Math.floor(Date.now() / 1000);
    expect(payload.iat).toBeLessThanOrEqual(now);
    expect(payload.exp).toBe((payload.iat as number) + 7200);
    expect(payload.tokenExp).toBe(payload.exp);
    await expect(jwtVerify(body.signature, new TextEncoder().encode("another-secret"))).rejects.toThrow();

    const guest = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode, displayName: "Guest" } })).json() as { token: string };
    const asGuest = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: { authorization: `Bearer ${guest.token}` } });
    expect(asGuest.statusCode).toBe(200);
    const guestClaims = await jwtVerify((asGuest.json() as { signature: string }).signature, new TextEncoder().encode("sdk-secret-alpha-0123456789"));
    expect(guestClaims.payload).toMatchObject({ appKey: "sdk-key-alpha", mn: m.meetingId, role: 0 });
    expect(guestClaims.payload).not.toHaveProperty("sdkKey");

    // Beta has no SDK credentials: a clear 422.
    const sb = await newSession(b);
    expect((await createMeeting(b, sb.id)).statusCode).toBe(201);
    const noSdk = await t.app.inject({ method: "POST", url: `/api/sessions/${sb.id}/zoom/sdk-signature`, headers: b.owner.headers });
    expect(noSdk.statusCode).toBe(422);
  });

  it("gives the facilitator the host's ZAK with the join data, never a participant, and never another organisation", async () => {
    const zakRequests = () => zoom.requests.filter((r) => /^\/v2\/users\/[^/]+\/token$/.test(r.path));
    const s = await newSession(a);
    const m = (await createMeeting(a, s.id)).json() as { meetingId: string };

    // The facilitator: host role, and the ZAK Zoom gave for the account's user the meeting was created under.
    const before = zakRequests().length;
    const res = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: a.owner.headers });
    expect(res.statusCode).toBe(200);
    const host = res.json() as { zak?: string; role: number; meetingNumber: string };
    expect(host).toMatchObject({ role: 1, meetingNumber: m.meetingId });
    const issued = zoom.zaks.at(-1)!;
    expect(issued).toMatchObject({ accountId: a.account.accountId, userId: fakeHostOf(a.account.accountId) });
    expect(host.zak).toBe(issued.token);
    // It is the same user Zoom made the meeting's host.
    expect(zoom.meetings.find((x) => String(x.id) === m.meetingId)).toMatchObject({ host_id: issued.userId });
    const asked = zakRequests().slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ method: "GET", path: "/v2/users/me/token", query: { type: "zak" } });
    // With the organisation's own S2S token, the one its meetings are created with.
    const created = zoom.requests.filter((r) => r.path === "/v2/users/me/meetings" && r.headers.authorization).at(-1)!;
    expect(asked[0].headers.authorization).toMatch(/^Bearer fake\./);
    expect(asked[0].headers.authorization).toBe(created.headers.authorization);

    // A facilitator of the organisation without a seat in this session: no signature, Zoom not asked.
    const facilitator = await memberOf(t.app, a.owner, "facilitator");
    const beforeOther = zakRequests().length;
    const other = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: facilitator.headers });
    expect(other.statusCode).toBe(404);
    expect(zakRequests().length).toBe(beforeOther);

    // Each request asks Zoom anew (a ZAK is short-lived), for the same host.
    const second = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: a.owner.headers });
    expect((second.json() as { zak: string }).zak).toBe(zoom.zaks.at(-1)!.token);
    expect(zoom.zaks.at(-1)!.token).not.toBe(issued.token);
    expect(zoom.zaks.at(-1)!.userId).toBe(issued.userId);

    // A participant: attendee role, no ZAK, and Zoom is not asked for one.
    const guest = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode, displayName: "Guest" } })).json() as { token: string };
    const beforeGuest = zakRequests().length;
    const asGuest = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: { authorization: `Bearer ${guest.token}` } });
    expect(asGuest.statusCode).toBe(200);
    expect(asGuest.json()).toMatchObject({ role: 0 });
    expect(asGuest.json()).not.toHaveProperty("zak");
    for (const z of zoom.zaks) expect(asGuest.body).not.toContain(z.token);
    expect(zakRequests().length).toBe(beforeGuest);

    // Another organisation's owner: not found, no ZAK, Zoom not asked.
    const cross = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: b.owner.headers });
    expect(cross.statusCode).toBe(404);
    for (const z of zoom.zaks) expect(cross.body).not.toContain(z.token);
    expect(zakRequests().length).toBe(beforeGuest);
    // Nor can a guest of another organisation's session reach it.
    const sb = await newSession(b);
    const guestB = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: sb.joinCode, displayName: "Other" } })).json() as { token: string };
    const crossGuest = await t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: { authorization: `Bearer ${guestB.token}` } });
    expect(crossGuest.statusCode).toBe(404);
    expect(crossGuest.body).not.toContain("zak");
  });

  it("says plainly when Zoom gives no host token, and the facilitator gets no host join without one", async () => {
    const s = await newSession(a);
    expect((await createMeeting(a, s.id)).statusCode).toBe(201);
    const ask = () => t.app.inject({ method: "POST", url: `/api/sessions/${s.id}/zoom/sdk-signature`, headers: a.owner.headers });

    // The S2S app lacks the scope: Zoom's words, and what to add.
    zoom.failNext("zak", { status: 400, body: { code: 4711, message: "Invalid access token, does not contain scopes:[user:read:token:admin]." } });
    const noScope = await ask();
    expect(noScope.statusCode).toBe(422);
    const body = noScope.json() as { error: { code: string; message: string; details: { reason: string } } };
    expect(body.error.code).toBe("zoom_host_token");
    expect(body.error.message).toMatch(/^Zoom did not give a host token: Zoom said: Invalid access token, does not contain scopes:\[user:read:token:admin\]\./);
    expect(body.error.details.reason).toContain("does not contain scopes");
    expect(body.error.details.reason).toContain("user:read:token:admin");
    expect(noScope.body).not.toContain("signature\":");

    // Zoom down, or answering without a token: the same code, never a 5xx.
    zoom.failNext("zak", { status: 503, body: { message: "Service unavailable" } });
    const down = await ask();
    expect(down.statusCode).toBe(422);
    expect(down.json()).toMatchObject({ error: { code: "zoom_host_token", message: expect.stringMatching(/^Zoom did not give a host token: Zoom had a problem/) } });
    zoom.failNext("zak", { status: 200, body: { token: "" } });
    expect((await ask()).json()).toMatchObject({ error: { code: "zoom_host_token", message: "Zoom did not give a host token: Zoom answered without a token." } });
    zoom.failNext("zak", "timeout");
    expect((await ask()).json()).toMatchObject({ error: { code: "zoom_host_token", message: expect.stringContaining("did not answer within") } });

    // An organisation whose Zoom app was set up without the scope: meetings work, the host token does not.
    const owner = await signUp(t.app, { name: "Theta" });
    const account = { ...newFakeAccount(), scopes: ["meeting:write:meeting:admin", "meeting:read:meeting:admin"] };
    zoom.addAccount(account);
    const theta: Org = { owner, account, webhookSecret: "whsec-theta" };
    expect((await connect(theta, { sdkKey: "sdk-key-theta", sdkSecret: "sdk-secret-theta-0123456789" })).statusCode).toBe(200);
    const st = await newSession(theta);
    expect((await createMeeting(theta, st.id)).statusCode).toBe(201);
    const scopeless = await t.app.inject({ method: "POST", url: `/api/sessions/${st.id}/zoom/sdk-signature`, headers: owner.headers });
    expect(scopeless.statusCode).toBe(422);
    expect(scopeless.json()).toMatchObject({ error: { code: "zoom_host_token", details: { reason: expect.stringContaining("does not contain scopes:[user:read:token:admin]") } } });
    // Its participants still join as attendees: they need no ZAK.
    const guest = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: st.joinCode, displayName: "Guest" } })).json() as { token: string };
    const attendee = await t.app.inject({ method: "POST", url: `/api/sessions/${st.id}/zoom/sdk-signature`, headers: { authorization: `Bearer ${guest.token}` } });
    expect(attendee.statusCode).toBe(200);
    expect(attendee.json()).toMatchObject({ role: 0 });

    // Zoom revoked the S2S token early: one fresh token, then the ZAK comes.
    zoom.failNext("zak", { status: 401, body: { code: 124, message: "Invalid access token." } });
    const again = await ask();
    expect(again.statusCode).toBe(200);
    expect((again.json() as { zak: string }).zak).toBe(zoom.zaks.at(-1)!.token);
  });

  it("verifies webhook signatures: good, bad, missing and stale", async () => {
    const body = { event: "endpoint.url_validation", payload: { plainToken: "qgg8vlvZRS6UYooatFL8Aw" }, event_ts: Date.now() };
    const good = await deliver(a.owner.orgId, a.webhookSecret, body);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual(urlValidationAnswer(a.webhookSecret, "qgg8vlvZRS6UYooatFL8Aw"));
    expect((good.json() as { encryptedToken: string }).encryptedToken).toMatch(/^[0-9a-f]{64}$/);

    const bad = await deliver(a.owner.orgId, "not-the-secret", body);
    expect(bad.statusCode).toBe(401);
    // Beta's secret does not open Alpha's address.
    expect((await deliver(a.owner.orgId, b.webhookSecret, body)).statusCode).toBe(401);
    const stale = await deliver(a.owner.orgId, a.webhookSecret, body, Math.floor(Date.now() / 1000) - 3600);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.message).toMatch(/too old/);
    const { raw, headers } = signedDelivery(a.webhookSecret, body);
    const tampered = await t.app.inject({ method: "POST", url: `/api/integrations/zoom/webhook/${a.owner.orgId}`, headers, payload: raw.replace("qgg8", "xxxx") });
    expect(tampered.statusCode).toBe(401);
    const missing = await t.app.inject({ method: "POST", url: `/api/integrations/zoom/webhook/${a.owner.orgId}`, headers: { "content-type": "application/json" }, payload: raw });
    expect(missing.statusCode).toBe(401);
    const notJson = await t.app.inject({ method: "POST", url: `/api/integrations/zoom/webhook/${a.owner.orgId}`, headers: { ...signedDelivery(a.webhookSecret, "x").headers }, payload: "{not json" });
    expect(notJson.statusCode).toBe(400);
    const unknownOrg = await deliver("00000000-0000-4000-8000-000000000000", a.webhookSecret, body);
    expect(unknownOrg.statusCode).toBe(404);
  });

  it("records meeting events on the session, once per delivery, and shows them in the session record", async () => {
    const s = await newSession(a);
    const m = (await createMeeting(a, s.id)).json() as { meetingId: string };
    const id = a.account.accountId;
    const events = [
      meetingEvent("meeting.started", id, m.meetingId),
      meetingEvent("meeting.participant_joined", id, Number(m.meetingId), { name: "Dana", at: new Date(Date.now() + 1000).toISOString() }),
      meetingEvent("meeting.participant_left", id, m.meetingId, { name: "Dana", at: new Date(Date.now() + 2000).toISOString() }),
      meetingEvent("meeting.ended", id, m.meetingId),
    ];
    (events[3].payload.object as { end_time: string }).end_time = new Date(Date.now() + 3000).toISOString();
    for (const e of events) {
      const res = await deliver(a.owner.orgId, a.webhookSecret, e);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ received: true });
    }
    // Zoom retries a delivery it thinks failed: stored once.
    expect((await deliver(a.owner.orgId, a.webhookSecret, events[1])).statusCode).toBe(200);
    // Events the studio does not record are acknowledged and ignored.
    expect((await deliver(a.owner.orgId, a.webhookSecret, { event: "recording.completed", event_ts: Date.now(), payload: { object: { id: m.meetingId } } })).json()).toEqual({ received: false });

    const record = await t.app.inject({ method: "GET", url: `/api/sessions/${s.id}/record`, headers: a.owner.headers });
    expect(record.statusCode).toBe(200);
    const zoomPart = (record.json() as { zoom: { meetingId: string; events: { event: string; participantName: string | null }[] } }).zoom;
    expect(zoomPart.meetingId).toBe(m.meetingId);
    expect(zoomPart.events.map((e) => [e.event, e.participantName])).toEqual([
      ["meeting.started", null],
      ["meeting.participant_joined", "Dana"],
      ["meeting.participant_left", "Dana"],
      ["meeting.ended", null],
    ]);
    expect(record.body).not.toContain("start_url");
    // A session without a meeting has none.
    const plain = await newSession(a);
    expect((await t.app.inject({ method: "GET", url: `/api/sessions/${plain.id}/record`, headers: a.owner.headers })).json()).toMatchObject({ zoom: null });
  });

  it("never lets one organisation's webhook touch another's session", async () => {
    const sa = await newSession(a);
    const ma = (await createMeeting(a, sa.id)).json() as { meetingId: string };
    const sb = await newSession(b);
    const mb = (await createMeeting(b, sb.id)).json() as { meetingId: string };

    // Beta's correctly signed delivery naming Alpha's meeting, sent to Beta's address: ignored.
    const cross = await deliver(b.owner.orgId, b.webhookSecret, meetingEvent("meeting.started", b.account.accountId, ma.meetingId));
    expect(cross.statusCode).toBe(200);
    expect(cross.json()).toEqual({ received: false });
    // A delivery from another Zoom account to Alpha's address, even naming Alpha's meeting: ignored.
    const otherAccount = await deliver(a.owner.orgId, a.webhookSecret, meetingEvent("meeting.started", b.account.accountId, ma.meetingId));
    expect(otherAccount.json()).toEqual({ received: false });
    // Beta's own meeting is recorded on Beta's session only.
    expect((await deliver(b.owner.orgId, b.webhookSecret, meetingEvent("meeting.started", b.account.accountId, mb.meetingId))).json()).toEqual({ received: true });

    const recA = (await t.app.inject({ method: "GET", url: `/api/sessions/${sa.id}/record`, headers: a.owner.headers })).json() as { zoom: { events: unknown[] } };
    expect(recA.zoom.events).toEqual([]);
    const recB = (await t.app.inject({ method: "GET", url: `/api/sessions/${sb.id}/record`, headers: b.owner.headers })).json() as { zoom: { events: unknown[] } };
    expect(recB.zoom.events).toHaveLength(1);
    expect((await t.app.inject({ method: "GET", url: `/api/sessions/${sb.id}/record`, headers: a.owner.headers })).statusCode).toBe(404);
  });

  it("disconnects: credentials are gone and new meetings need a new connection", async () => {
    const c = await newOrg("Eta");
    expect((await connect(c)).statusCode).toBe(200);
    const del = await t.app.inject({ method: "DELETE", url: "/api/orgs/current/zoom", headers: c.owner.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: "DELETE", url: "/api/orgs/current/zoom", headers: c.owner.headers })).statusCode).toBe(404);
    expect((await t.database.query("SELECT 1 FROM zoom_connections WHERE org_id = $1", [c.owner.orgId])).length).toBe(0);
    expect((await createMeeting(c, (await newSession(c)).id)).statusCode).toBe(422);
    expect((await deliver(c.owner.orgId, c.webhookSecret, { event: "endpoint.url_validation", payload: { plainToken: "abc" } })).statusCode).toBe(404);
  });
});
