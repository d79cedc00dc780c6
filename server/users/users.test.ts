import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { PASSWORD, memberOf, refreshCookieOf, signUp, uniqueEmail } from "../test/factories";

describe("profile and account deletion", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const req = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method: method as "GET", url, headers, payload: payload as object });

  it("changes the name freely, and email or password only with the current password", async () => {
    const p = await signUp(t.app);
    expect((await req("PATCH", "/api/me", p.headers, { name: "New Name" })).json().user.name).toBe("New Name");
    const email = uniqueEmail("moved");
    expect((await req("PATCH", "/api/me", p.headers, { email })).statusCode).toBe(403);
    expect((await req("PATCH", "/api/me", p.headers, { email, currentPassword: "wrong" })).statusCode).toBe(403);
    expect((await req("PATCH", "/api/me", p.headers, { email, currentPassword: PASSWORD })).json().user.email).toBe(email);
    expect((await req("PATCH", "/api/me", p.headers, {})).statusCode).toBe(400);
  });

  it("signs out other devices when the password changes, keeping this one", async () => {
    const p = await signUp(t.app);
    const other = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: p.user.email, password: PASSWORD } });
    const otherCookie = refreshCookieOf(other.headers["set-cookie"]);
    const res = await req("PATCH", "/api/me", { ...p.headers, cookie: p.cookie }, { newPassword: "a brand new password", currentPassword: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect((await req("POST", "/api/auth/refresh", { cookie: otherCookie })).statusCode).toBe(401);
    expect((await req("POST", "/api/auth/refresh", { cookie: p.cookie })).statusCode).toBe(200);
    const login = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: p.user.email, password: "a brand new password" } });
    expect(login.statusCode).toBe(200);
  });

  it("deletes the account and its personal data after confirming the password", async () => {
    const p = await signUp(t.app);
    expect((await req("DELETE", "/api/me", p.headers, { password: "wrong" })).statusCode).toBe(403);
    expect((await req("DELETE", "/api/me", p.headers, { password: PASSWORD })).statusCode).toBe(204);
    expect((await req("GET", "/api/me", { authorization: `Bearer ${p.token}` })).statusCode).toBe(401);
    const rows = await t.database.query("SELECT 1 FROM users WHERE id = $1 UNION ALL SELECT 1 FROM orgs WHERE id = $2 UNION ALL SELECT 1 FROM refresh_tokens WHERE user_id = $1", [p.user.id, p.orgId]);
    expect(rows).toHaveLength(0);
    const login = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: p.user.email, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
  });

  it("asks the only owner of a shared organisation to hand over ownership first", async () => {
    const owner = await signUp(t.app);
    await memberOf(t.app, owner, "member");
    const res = await req("DELETE", "/api/me", owner.headers, { password: PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.orgIds).toEqual([owner.orgId]);
  });
});
