import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, ENGINE, type TestApp } from "./test/harness";
import { signUp } from "./test/factories";

describe("the HTTP surface", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("reports health with the engine and version once ready", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", db: ENGINE, version: expect.any(String) });
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("serves an OpenAPI 3 document of every route with /api paths, and the docs page", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ["/api/auth/register", "/api/auth/login", "/api/me", "/api/orgs/current/invitations", "/api/health"]) expect(doc.paths[p]).toBeDefined();
    expect(doc.paths["/api/auth/register"].post.requestBody.content["application/json"].schema.properties.email).toBeDefined();
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
  });

  it("exposes Prometheus metrics with request durations by route and status", async () => {
    await signUp(t.app);
    const text = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(text).toContain("http_request_duration_seconds_bucket");
    expect(text).toMatch(/route="\/api\/auth\/register",status_code="201"/);
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  it("answers unknown API paths with the contract's JSON 404", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("refuses oversized bodies with 413", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: JSON.stringify({ email: "x".repeat(2_000_000) }), headers: { "content-type": "application/json" } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("too_large");
  });

  it("explains that the web app is not built instead of a blank page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/some/page" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm start");
  });
});
