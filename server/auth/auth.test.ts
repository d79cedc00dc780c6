import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { PASSWORD, refreshCookieOf, signUp, uniqueEmail } from "../test/factories";

describe("accounts and tokens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: "POST", url, payload: payload as object, headers });

  it("registers a person as owner of their own organisation, with a rotating refresh cookie", async () => {
    const email = uniqueEmail();
    const res = await post("/api/auth/register", { email: email.toUpperCase(), password: PASSWORD, name: "Dana" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email, name: "Dana" });
    expect(body.user.passwordHash).toBeUndefined();
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/pyou_rt=.+HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().memberships).toEqual([{ org: { id: expect.any(String), name: "Dana's studio" }, role: "owner" }]);
  });

  it("stores passwords hashed with argon2id", async () => {
    const p = await signUp(t.app);
    const rows = await t.database.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE id = $1", [p.user.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it("rejects bad input with field errors and never a 5xx", async () => {
    const res = await post("/api/auth/register", { email: "not-an-email", password: "short", name: "" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid");
    expect(Object.keys(res.json().error.details.fieldErrors).sort()).toEqual(["email", "name", "password"]);
    const junk = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: "{not json", headers: { "content-type": "application/json" } });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe("invalid");
    const wrongType = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: "x", headers: { "content-type": "text/plain" } });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe("unsupported_type");
  });

  it("does not reveal whether an email has an account", async () => {
    const p = await signUp(t.app);
    const wrongPassword = await post("/api/auth/login", { email: p.user.email, password: "wrong password!" });
    const unknown = await post("/api/auth/login", { email: uniqueEmail("nobody"), password: "wrong password!" });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknown.json());
    const again = await post("/api/auth/register", { email: p.user.email, password: PASSWORD, name: "Other" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).not.toContain(p.user.email);
  });

  it("signs in, refreshes with rotation, and signs out", async () => {
    const p = await signUp(t.app);
    const login = await post("/api/auth/login", { email: p.user.email, password: PASSWORD });
    expect(login.statusCode).toBe(200);
    const c1 = refreshCookieOf(login.headers["set-cookie"]);
    const r1 = await post("/api/auth/refresh", undefined, { cookie: c1 });
    expect(r1.statusCode).toBe(200);
    const c2 = refreshCookieOf(r1.headers["set-cookie"]);
    expect(c2).not.toBe(c1);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${r1.json().accessToken}` } });
    expect(me.statusCode).toBe(200);
    const out = await post("/api/auth/logout", undefined, { cookie: c2 });
    expect(out.statusCode).toBe(204);
    expect((await post("/api/auth/refresh", undefined, { cookie: c2 })).statusCode).toBe(401);
  });

  it("revokes the whole token family when a rotated refresh token is reused after the grace window", async () => {
    const p = await signUp(t.app);
    const r1 = await post("/api/auth/refresh", undefined, { cookie: p.cookie });
    const c2 = refreshCookieOf(r1.headers["set-cookie"]);
    // Pretend the first rotation happened a minute ago, as when a stolen token is replayed later.
    await t.database.query("UPDATE refresh_tokens SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL AND user_id = $1", [p.user.id]);
    const replay = await post("/api/auth/refresh", undefined, { cookie: p.cookie });
    expect(replay.statusCode).toBe(401);
    // The legitimate holder of the newest token is signed out too: the family is burned.
    expect((await post("/api/auth/refresh", undefined, { cookie: c2 })).statusCode).toBe(401);
  });

  it("lets two tabs refresh with the same cookie at once without signing out", async () => {
    const p = await signUp(t.app);
    const [a, b] = await Promise.all([post("/api/auth/refresh", undefined, { cookie: p.cookie }), post("/api/auth/refresh", undefined, { cookie: p.cookie })]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
  });

  it("refuses expired, forged and malformed access tokens", async () => {
    for (const authorization of ["Bearer nope", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Basic abc"]) {
      const res = await t.app.inject({ method: "GET", url: "/api/me", headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
  });

  it("answers refresh without a cookie with 401, and logout without one with 204", async () => {
    expect((await post("/api/auth/refresh")).statusCode).toBe(401);
    expect((await post("/api/auth/logout")).statusCode).toBe(204);
  });
});

describe("sign-in limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("limits one account after 10 failed sign-ins in 15 minutes, with Retry-After, without touching others", async () => {
    const victim = await signUp(t.app);
    const other = await signUp(t.app);
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: victim.user.email, password: `wrong-${i}-password` } });
      expect(res.statusCode).toBe(401);
    }
    const limited = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: victim.user.email, password: PASSWORD } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const fine = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: other.user.email, password: PASSWORD } });
    expect(fine.statusCode).toBe(200);
  });

  it("lets a classroom behind one address register and sign in", async () => {
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({ method: "POST", url: "/api/auth/register", payload: { email: uniqueEmail("class"), password: PASSWORD, name: `Student ${i}` } });
      expect(res.statusCode).toBe(201);
    }
  });
});
