import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard, MyAnalytics, SessionAnalytics } from "../../domain/api/analytics";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { listen, pdfText, scriptSession, type ScriptedSession } from "./testing";

describe("analytics over a scripted session", () => {
  let t: TestApp;
  let base: string;
  let owner: SignedUp;
  let fred: SignedUp;
  let gina: SignedUp;
  let admin: SignedUp;
  let member: SignedUp;
  let outsider: SignedUp;
  let pat: SignedUp;
  let circle: ScriptedSession;
  let small: ScriptedSession;

  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t);
    owner = await signUp(t.app, { name: "Olive Owner" });
    fred = await memberOf(t.app, owner, "facilitator");
    gina = await memberOf(t.app, owner, "facilitator");
    admin = await memberOf(t.app, owner, "admin");
    member = await memberOf(t.app, owner, "member");
    pat = await memberOf(t.app, owner, "member");
    outsider = await signUp(t.app, { name: "Other Org" });
    circle = await scriptSession(t, base, fred, { title: "Monday circle", guests: ["Dana", "Omer", "Lea", "Noa"], members: [pat], commitment: "Call my sister on Sunday" });
    small = await scriptSession(t, base, gina, { title: "Tiny pair", guests: ["Avi", "Ben"] });
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (who: SignedUp, url: string) => t.app.inject({ method: "GET", url, headers: who.headers });

  it("reports the session as it happened: phases, people, cards, commitments and the emotion arc", async () => {
    const res = await get(fred, `/api/analytics/sessions/${circle.id}`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as SessionAnalytics;
    expect(r).toMatchObject({ sessionId: circle.id, title: "Monday circle", status: "ended" });
    expect(r.phases.map((p) => p.name).length).toBeGreaterThanOrEqual(3);
    expect(r.phases.every((p) => p.name.length > 0 && p.seconds >= 0)).toBe(true);
    expect(r.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(r.participants.map((p) => p.displayName).sort()).toEqual(["Dana", "Lea", "Noa", "Omer", pat.user.name].sort());
    const dana = r.participants.find((p) => p.displayName === "Dana")!;
    expect(dana).toMatchObject({ reflections: 2, chatMessages: 0, handRaises: 1 });
    expect(dana.talkShare).toBeUndefined();
    expect(r.participants.find((p) => p.displayName === "Omer")!.chatMessages).toBe(1);
    // Five dealt to hands, one more drawn by the swap, five spread on the table.
    expect(r.cards).toEqual({ dealt: 11, chosen: 2, swapped: 1 });
    expect(r.commitments).toEqual([expect.objectContaining({ participantId: dana.id, text: "Call my sister on Sunday", due: expect.any(String) })]);
    expect(r.emotionArc.length).toBeGreaterThan(0);
    expect(r.emotionArc.every((p) => p.valence >= -1 && p.valence <= 1)).toBe(true);
    // Private words are never part of the arc's inputs or the report.
    expect(JSON.stringify(r)).not.toContain("family");
  });

  it("uses talk-time from on-device voice aggregates when they were shared", async () => {
    const r0 = (await get(fred, `/api/analytics/sessions/${circle.id}`)).json() as SessionAnalytics;
    const [a, b] = r0.participants;
    const minute = new Date().toISOString();
    await t.database.query(`INSERT INTO signal_minutes (session_id, participant_id, minute, metrics) VALUES ($1, $2, $4, '{"speakingSeconds": 30}'), ($1, $3, $4, '{"speakingSeconds": 10}')`, [circle.id, a.id, b.id, minute]);
    const r = (await get(fred, `/api/analytics/sessions/${circle.id}`)).json() as SessionAnalytics;
    expect(r.participants.find((p) => p.id === a.id)!.talkShare).toBeCloseTo(0.75);
    expect(r.participants.find((p) => p.id === b.id)!.talkShare).toBeCloseTo(0.25);
    await t.database.query(`DELETE FROM signal_minutes WHERE session_id = $1`, [circle.id]);
  });

  it("lets only the session's facilitators and the organisation's admins read its report", async () => {
    expect((await get(admin, `/api/analytics/sessions/${circle.id}`)).statusCode).toBe(200);
    expect((await get(gina, `/api/analytics/sessions/${circle.id}`)).statusCode).toBe(403);
    expect((await get(member, `/api/analytics/sessions/${circle.id}`)).statusCode).toBe(403);
    const other = await get(outsider, `/api/analytics/sessions/${circle.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await t.app.inject({ method: "GET", url: `/api/analytics/sessions/${circle.id}` })).statusCode).toBe(401);
    expect((await get(outsider, `/api/analytics/sessions/${circle.id}/report.pdf`)).statusCode).toBe(404);
  });

  it("exports a printable PDF with the title and commitments, a CSV and JSON", async () => {
    const pdf = await get(fred, `/api/analytics/sessions/${circle.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain("Monday-circle-report.pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain("Monday circle");
    expect(text).toContain("Call my sister on Sunday");
    expect(text).toContain("Emotion arc");

    const csv = await get(fred, `/api/analytics/sessions/${circle.id}/report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toBe("section,item,metric,value");
    expect(csv.body).toContain("Call my sister on Sunday");
    expect(csv.body).toContain("participant,Dana,reflections,2");

    const json = await get(fred, `/api/analytics/sessions/${circle.id}/report.json`);
    expect(json.statusCode).toBe(200);
    expect((json.json() as SessionAnalytics).commitments[0].text).toBe("Call my sister on Sunday");
  });

  it("materialises facts when a session ends and shows a facilitator only their own sessions", async () => {
    const facts = await t.database.query<{ session_id: string }>(`SELECT session_id FROM analytics_session_facts`);
    expect(facts.map((f) => f.session_id).sort()).toEqual([circle.id, small.id].sort());
    const days = await t.database.query<{ sessions: number }>(`SELECT sessions FROM analytics_daily WHERE facilitator_id = '00000000-0000-0000-0000-000000000000'`);
    expect(days.reduce((a, d) => a + Number(d.sessions), 0)).toBe(2);

    const fd = (await get(fred, "/api/analytics/dashboard")).json() as Dashboard;
    expect(fd.scope).toBe("facilitator");
    expect(fd.totals.sessions).toEqual({ value: 1, suppressed: false });
    expect(fd.totals.participants.value).toBe(5);
    expect(fd.totals.commitmentsMade.value).toBe(1);
    expect(fd.totals.commitmentsFollowedUp.value).toBe(0);
    expect(fd.recentSessions.map((s) => s.title)).toEqual(["Monday circle"]);
    expect(fd.mostChosenCards.length).toBe(2);
    expect(fd.mostSwappedCards.length).toBe(1);
    expect(fd.sessionsOverTime.reduce((a, d) => a + (d.sessions.value ?? 0), 0)).toBe(1);
    expect(fd.themes.length).toBeGreaterThan(0);
    // Themes are named by words; reflection text itself never leaves.
    expect(JSON.stringify(fd.themes)).not.toContain("I feel hopeful");

    const gd = (await get(gina, "/api/analytics/dashboard")).json() as Dashboard;
    expect(gd.recentSessions.map((s) => s.title)).toEqual(["Tiny pair"]);
    expect(gd.totals.participants).toEqual({ value: 2, suppressed: false });

    expect((await get(member, "/api/analytics/dashboard")).statusCode).toBe(403);
    const none = (await get(outsider, "/api/analytics/dashboard")).json() as Dashboard;
    expect(none.totals.sessions.value).toBe(0);
  });

  it("counts follow-ups and filters by date range and journey", async () => {
    const mine = (await get(pat, "/api/commitments")).json() as { items: { id: string }[] };
    expect(mine.items).toEqual([]);
    await t.database.query(`UPDATE commitments SET status = 'done' WHERE session_id = $1`, [circle.id]);
    const fd = (await get(fred, "/api/analytics/dashboard")).json() as Dashboard;
    expect(fd.totals.commitmentsFollowedUp.value).toBe(1);
    expect(fd.totals.commitmentsDone.value).toBe(1);
    const past = (await get(fred, "/api/analytics/dashboard?from=2000-01-01&to=2000-12-31")).json() as Dashboard;
    expect(past.totals.sessions.value).toBe(0);
    const otherJourney = (await get(fred, "/api/analytics/dashboard?journeyId=00000000-0000-4000-8000-000000000000")).json() as Dashboard;
    expect(otherJourney.totals.sessions.value).toBe(0);
    const bad = await get(fred, "/api/analytics/dashboard?from=2025-02-01&to=2025-01-01");
    expect(bad.statusCode).toBe(400);
    expect((await get(fred, "/api/analytics/dashboard?from=yesterday")).statusCode).toBe(400);
  });

  it("gives admins the organisation's figures with every small group withheld", async () => {
    expect((await get(fred, "/api/analytics/org")).statusCode).toBe(403);
    const res = await get(admin, "/api/analytics/org");
    expect(res.statusCode).toBe(200);
    const od = res.json() as Dashboard;
    expect(od.scope).toBe("org");
    expect(od.privacy).toMatchObject({ minGroupSize: 5, epsilon: null, noisy: false });
    expect(od.totals.sessions.value).toBe(2);
    expect(od.totals.participants.value).toBe(7);
    // Nobody came twice, and one commitment is one person: both too few to show.
    expect(od.totals.returningParticipants).toEqual({ value: null, suppressed: true });
    expect(od.totals.commitmentsMade).toEqual({ value: null, suppressed: true });
    const byName = new Map(od.facilitators.map((f) => [f.userId, f]));
    expect(byName.get(fred.user.id)!.participants).toEqual({ value: 5, suppressed: false });
    expect(byName.get(gina.user.id)!.participants).toEqual({ value: null, suppressed: true });
    expect(byName.get(gina.user.id)!.sessions).toEqual({ value: null, suppressed: true });
    // Each card was chosen by one person: hidden.
    expect(od.mostChosenCards.every((c) => c.count.suppressed && c.count.value === null)).toBe(true);
    expect(od.recentSessions).toEqual([]);
    const otherOrg = (await t.app.inject({ method: "GET", url: "/api/analytics/org", headers: outsider.headers })).json() as Dashboard;
    expect(otherOrg.totals.sessions).toEqual({ value: null, suppressed: true });
  });

  it("adds Laplace noise to organisation counts when the admin sets ε", async () => {
    expect((await t.app.inject({ method: "PUT", url: "/api/analytics/org/settings", headers: fred.headers, payload: { epsilon: 1 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "PUT", url: "/api/analytics/org/settings", headers: admin.headers, payload: { epsilon: -1 } })).statusCode).toBe(400);
    const set = await t.app.inject({ method: "PUT", url: "/api/analytics/org/settings", headers: admin.headers, payload: { epsilon: 0.5 } });
    expect(set.json()).toEqual({ epsilon: 0.5 });
    const od = (await get(admin, "/api/analytics/org")).json() as Dashboard;
    expect(od.privacy).toMatchObject({ epsilon: 0.5, noisy: true });
    expect(Number.isInteger(od.totals.participants.value)).toBe(true);
    expect(od.totals.participants.value).toBeGreaterThanOrEqual(0);
    // Other settings of the organisation survive.
    const s = await t.database.query<{ settings: Record<string, unknown> }>(`SELECT settings FROM orgs WHERE id = $1`, [owner.orgId]);
    expect(s[0].settings.analytics).toEqual({ epsilon: 0.5 });
    await t.app.inject({ method: "PUT", url: "/api/analytics/org/settings", headers: admin.headers, payload: { epsilon: null } });
    expect(((await get(admin, "/api/analytics/org")).json() as Dashboard).privacy.noisy).toBe(false);
  });

  it("shows a participant their own commitments and sessions, nobody else's", async () => {
    const res = await get(pat, "/api/analytics/me");
    expect(res.statusCode).toBe(200);
    const me = res.json() as MyAnalytics;
    expect(me.sessions.map((s) => s.title)).toEqual(["Monday circle"]);
    expect(me.sessions[0].reflections).toBe(1);
    expect(me.trend).toHaveLength(1);
    expect(me.trend[0]).toMatchObject({ sessions: 1, reflections: 1, commitmentsMade: 0, commitmentsDone: 0 });
    expect(me.commitments).toEqual([]);

    // A step of their own, then marked done: it shows with its status and in this month's trend.
    const made = await t.app.inject({ method: "POST", url: "/api/commitments", headers: pat.headers, payload: { text: "Stretch every morning" } });
    expect(made.statusCode).toBe(201);
    const id = (made.json() as { id: string }).id;
    let after = (await get(pat, "/api/analytics/me")).json() as MyAnalytics;
    expect(after.commitments).toEqual([expect.objectContaining({ id, text: "Stretch every morning", status: "open", followUps: 0 })]);
    expect(after.trend.at(-1)).toMatchObject({ month: new Date().toISOString().slice(0, 7), commitmentsMade: 1, commitmentsDone: 0 });
    await t.app.inject({ method: "PATCH", url: `/api/commitments/${id}`, headers: pat.headers, payload: { status: "done" } });
    after = (await get(pat, "/api/analytics/me")).json() as MyAnalytics;
    expect(after.commitments[0]).toMatchObject({ status: "done", followUps: 1 });
    expect(after.trend.at(-1)).toMatchObject({ commitmentsMade: 1, commitmentsDone: 1 });
    // Nobody else's steps.
    expect(((await get(member, "/api/analytics/me")).json() as MyAnalytics).commitments).toEqual([]);
    const fredMe = (await get(fred, "/api/analytics/me")).json() as MyAnalytics;
    expect(fredMe.sessions).toEqual([]);
  });

  it("catches up sessions that ended without this node seeing it", async () => {
    await t.database.query(`DELETE FROM analytics_session_facts WHERE session_id = $1`, [small.id]);
    const gd = (await get(gina, "/api/analytics/dashboard")).json() as Dashboard;
    expect(gd.recentSessions.map((s) => s.id)).toEqual([small.id]);
  });
});
