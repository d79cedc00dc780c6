import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type Built } from "../app";
import { createTestDatabase, testConfig } from "../test/harness";
import { PASSWORD, memberOf, signUp } from "../test/factories";
import type { Database } from "../db/client";

/** With REDIS_URL the limits are shared: failures on one node count on the other. */
describe("rate limits across nodes with Redis", () => {
  let db: Database & { dispose(): Promise<void> };
  const nodes: Built[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) nodes.push(await buildApp({ config: testConfig({ REDIS_URL: "redis://127.0.0.1:6379" }), database: db, logger: false }));
  });
  afterAll(async () => {
    for (const n of nodes) await n.app.close();
    await db.dispose();
  });

  it("limits an account after 10 failures spread over two nodes", async () => {
    const [a, b] = nodes;
    const victim = await signUp(a.app, { email: `redis-${randomBytes(4).toString("hex")}@example.test` });
    for (let i = 0; i < 10; i++) {
      const node = i % 2 === 0 ? a : b;
      const res = await node.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: victim.user.email, password: `nope-${i}-nope` } });
      expect(res.statusCode).toBe(401);
    }
    for (const node of [a, b]) {
      const res = await node.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: victim.user.email, password: PASSWORD } });
      expect(res.statusCode).toBe(429);
      expect(res.headers["retry-after"]).toBeDefined();
    }
  });

  it("applies a role change made on one node at the next request on the other", async () => {
    const [a, b] = nodes;
    const owner = await signUp(a.app);
    const m = await memberOf(a.app, owner, "member");
    expect((await b.app.inject({ method: "GET", url: "/api/orgs/current/invitations", headers: m.headers })).statusCode).toBe(403);
    expect((await a.app.inject({ method: "PATCH", url: `/api/orgs/current/members/${m.user.id}`, headers: owner.headers, payload: { role: "admin" } })).statusCode).toBe(200);
    let status = 0;
    // The other node hears of the change through Redis; allow the message a moment to arrive.
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await b.app.inject({ method: "GET", url: "/api/orgs/current/invitations", headers: m.headers })).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(200);
  });
});
