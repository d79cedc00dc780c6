import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_RANK } from "../../domain/api/common";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { requiredRole, type Access } from "../policies";

/**
 * Every route in the OpenAPI document, called as every kind of caller. The expectation comes
 * from the route's declared policy, so a new route is covered the moment it exists.
 */
describe("access matrix", () => {
  let t: TestApp;
  let callers: Record<"owner" | "admin" | "facilitator" | "member" | "outsider", SignedUp>;

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await signUp(t.app, { name: "Owner" });
    callers = {
      owner,
      admin: await memberOf(t.app, owner, "admin"),
      facilitator: await memberOf(t.app, owner, "facilitator"),
      member: await memberOf(t.app, owner, "member"),
      outsider: await signUp(t.app, { name: "Outsider" }),
    };
  });
  afterAll(() => t.close());

  function routes(): { method: string; path: string; url: string; access: Access }[] {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const out = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const fastifyPath = path.replace(/\{(\w+)\}/g, ":$1");
        const access = t.routeAccess.get(`${method.toUpperCase()} ${fastifyPath}`);
        if (!access) throw new Error(`no declared access for ${method} ${path}`);
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === "token" ? "t".repeat(32) : "00000000-0000-4000-8000-000000000000"));
        out.push({ method: method.toUpperCase(), path, url, access });
      }
    }
    // Leaving the organisation changes who belongs to it, so it is checked last.
    return out.sort((a, b) => Number(a.path.endsWith("/leave")) - Number(b.path.endsWith("/leave")));
  }

  async function call(method: string, url: string, headers: Record<string, string>) {
    const withBody = method !== "GET" && method !== "DELETE";
    return t.app.inject({ method: method as "GET", url, headers: { ...headers, ...(withBody ? { "content-type": "application/json" } : {}) }, payload: withBody ? "{}" : undefined });
  }

  it("documents every API route with a declared policy", () => {
    const list = routes();
    expect(list.length).toBeGreaterThan(10);
    expect(t.routeAccess.size).toBeGreaterThanOrEqual(list.length);
  });

  it("answers each caller as the route's policy says, and never with a 5xx", async () => {
    const failures: string[] = [];
    for (const r of routes()) {
      const anon = await call(r.method, r.url, {});
      if (anon.statusCode >= 500) failures.push(`${r.method} ${r.path} anonymous → ${anon.statusCode}`);
      if (r.access !== "public" && anon.statusCode !== 401) failures.push(`${r.method} ${r.path} anonymous → ${anon.statusCode}, expected 401`);

      const outsider = await call(r.method, r.url, { ...callers.outsider.headers, "x-org-id": callers.owner.orgId });
      if (outsider.statusCode >= 500) failures.push(`${r.method} ${r.path} outsider → ${outsider.statusCode}`);
      if (r.access !== "public" && outsider.statusCode !== 403) failures.push(`${r.method} ${r.path} outsider → ${outsider.statusCode}, expected 403`);

      const needed = requiredRole(r.access);
      for (const role of ["member", "facilitator", "admin", "owner"] as const) {
        const res = await call(r.method, r.url, callers[role].headers);
        if (res.statusCode >= 500) failures.push(`${r.method} ${r.path} ${role} → ${res.statusCode}`);
        const allowed = needed === null || ROLE_RANK[role] >= ROLE_RANK[needed];
        if (r.access === "public") {
          // Public routes judge their own credentials (a refresh cookie, a password): any 4xx is theirs to give.
        } else if (r.access === "participant" || r.access === "user") {
          if (res.statusCode === 401) failures.push(`${r.method} ${r.path} ${role} → 401`);
        } else if (allowed && (res.statusCode === 401 || res.statusCode === 403)) {
          failures.push(`${r.method} ${r.path} ${role} → ${res.statusCode}, expected to be let through`);
        } else if (!allowed && res.statusCode !== 403) {
          failures.push(`${r.method} ${r.path} ${role} → ${res.statusCode}, expected 403`);
        }
        if (res.statusCode >= 200 && res.statusCode < 300 && r.method === "DELETE") {
          // A destructive call with placeholder ids must not succeed on real data.
          failures.push(`${r.method} ${r.path} ${role} deleted something with a placeholder id`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
