import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { invite, memberOf, signUp, uniqueEmail } from "../test/factories";

describe("organisations, roles and invitations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const req = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method: method as "GET", url, headers, payload: payload as object });

  it("invites by email with a role; the invitee signs up through the link and joins with that role", async () => {
    const owner = await signUp(t.app, { name: "Owner" });
    const email = uniqueEmail("fac");
    const res = await req("POST", "/api/orgs/current/invitations", owner.headers, { email, role: "facilitator" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.emailed).toBe(false);
    expect(body.link).toMatch(/\/invite\/[\w-]{30,}$/);
    const token = body.link.split("/invite/")[1];
    const preview = await req("GET", `/api/invitations/${token}`, {});
    expect(preview.json()).toMatchObject({ email, role: "facilitator", invitedBy: "Owner" });
    const list = await req("GET", "/api/orgs/current/invitations", owner.headers);
    expect(list.json().items.map((i: { email: string }) => i.email)).toContain(email);

    const invitee = await signUp(t.app, { email, invitationToken: token });
    const me = await req("GET", "/api/me", { authorization: `Bearer ${invitee.token}` });
    expect(me.json().memberships).toEqual([{ org: { id: owner.orgId, name: expect.any(String) }, role: "facilitator" }]);
    // Used once only.
    expect((await req("GET", `/api/invitations/${token}`, {})).statusCode).toBe(404);
  });

  it("lets an existing account accept an invitation and switch organisations with X-Org-Id", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const token = await invite(t.app, a, b.user.email, "member");
    const accept = await req("POST", `/api/invitations/${token}/accept`, { authorization: `Bearer ${b.token}` });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toMatchObject({ org: { id: a.orgId }, role: "member" });
    const me = await req("GET", "/api/me", { authorization: `Bearer ${b.token}` });
    expect(me.json().memberships.map((m: { org: { id: string } }) => m.org.id)).toEqual([b.orgId, a.orgId]);
    const inA = await req("GET", "/api/orgs/current/members", { authorization: `Bearer ${b.token}`, "x-org-id": a.orgId });
    expect(inA.json().items.map((m: { user: { id: string } }) => m.user.id)).toContain(a.user.id);
    const inB = await req("GET", "/api/orgs/current/members", { authorization: `Bearer ${b.token}` });
    expect(inB.json().items.map((m: { user: { id: string } }) => m.user.id)).toEqual([b.user.id]);
  });

  it("refuses an invitation accepted by a different email, and a header naming a foreign organisation", async () => {
    const a = await signUp(t.app);
    const c = await signUp(t.app);
    const token = await invite(t.app, a, uniqueEmail("someone"), "member");
    const wrong = await req("POST", `/api/invitations/${token}/accept`, { authorization: `Bearer ${c.token}` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toContain("was sent to");
    const foreign = await req("GET", "/api/orgs/current/members", { authorization: `Bearer ${c.token}`, "x-org-id": a.orgId });
    expect(foreign.statusCode).toBe(403);
    const junk = await req("GET", "/api/me", { authorization: `Bearer ${c.token}`, "x-org-id": "not-a-uuid" });
    expect(junk.statusCode).toBe(400);
  });

  it("lets owners change roles and remove members, keeps at least one owner, and lets members leave", async () => {
    const owner = await signUp(t.app);
    const m = await memberOf(t.app, owner, "member");
    const change = await req("PATCH", `/api/orgs/current/members/${m.user.id}`, owner.headers, { role: "admin" });
    expect(change.statusCode).toBe(200);
    expect(change.json().role).toBe("admin");
    const lastOwner = await req("PATCH", `/api/orgs/current/members/${owner.user.id}`, owner.headers, { role: "member" });
    expect(lastOwner.statusCode).toBe(409);
    const adminCannot = await req("PATCH", `/api/orgs/current/members/${owner.user.id}`, m.headers, { role: "member" });
    expect(adminCannot.statusCode).toBe(403);
    expect((await req("DELETE", `/api/orgs/current/members/${m.user.id}`, owner.headers)).statusCode).toBe(204);
    expect((await req("GET", "/api/orgs/current/members", m.headers)).statusCode).toBe(403);

    const leaver = await memberOf(t.app, owner, "facilitator");
    expect((await req("POST", "/api/orgs/current/leave", leaver.headers)).statusCode).toBe(204);
    expect((await req("POST", "/api/orgs/current/leave", owner.headers)).statusCode).toBe(409);
  });

  it("withdraws invitations, refuses duplicates for members, and renames the organisation", async () => {
    const owner = await signUp(t.app);
    const m = await memberOf(t.app, owner, "member");
    const dup = await req("POST", "/api/orgs/current/invitations", owner.headers, { email: m.user.email, role: "member" });
    expect(dup.statusCode).toBe(409);
    const created = await req("POST", "/api/orgs/current/invitations", owner.headers, { email: uniqueEmail(), role: "member" });
    const id = created.json().invitation.id;
    expect((await req("DELETE", `/api/orgs/current/invitations/${id}`, owner.headers)).statusCode).toBe(204);
    expect((await req("DELETE", `/api/orgs/current/invitations/${id}`, owner.headers)).statusCode).toBe(404);
    const token = created.json().link.split("/invite/")[1];
    expect((await req("GET", `/api/invitations/${token}`, {})).statusCode).toBe(404);
    const renamed = await req("PATCH", "/api/orgs/current", owner.headers, { name: "  Riverside Coaching " });
    expect(renamed.json().name).toBe("Riverside Coaching");
    const created2 = await req("POST", "/api/orgs", owner.headers, { name: "Second" });
    expect(created2.statusCode).toBe(201);
  });
});
