import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultJourneys } from "../../content";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";

describe("POST /api/graphql", () => {
  let t: TestApp;
  let owner: SignedUp;
  let member: SignedUp;
  let outsider: SignedUp;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app, { name: "Olive Owner" });
    member = await memberOf(t.app, owner, "member");
    outsider = await signUp(t.app, { name: "Other Org" });
    const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title: "Graph circle", journeyId: defaultJourneys()[0].id } });
    sessionId = (res.json() as { id: string }).id;
  });
  afterAll(async () => t?.close());

  const gql = (who: SignedUp | null, query: string, variables?: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: "/api/graphql", headers: who?.headers ?? {}, payload: { query, variables } });

  it("answers analytics and content queries with the REST shapes", async () => {
    const res = await gql(owner, `query($id: ID!) { sessionReport(id: $id) { sessionId title phases { name seconds } cards { dealt } } dashboard { scope totals { sessions { value suppressed } } } decks(limit: 2) { name cards(limit: 3) { word deck { name } } } journeys { name } me { trend { month } } }`, { id: sessionId });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { data: { sessionReport: { title: string }; dashboard: { scope: string }; decks: { cards: unknown[] }[]; journeys: unknown[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.sessionReport.title).toBe("Graph circle");
    expect(body.data.dashboard.scope).toBe("facilitator");
    expect(body.data.decks).toHaveLength(2);
    expect(body.data.decks[0].cards.length).toBeLessThanOrEqual(3);
    expect(body.data.journeys.length).toBeGreaterThan(0);
  });

  it("applies the same authorization as REST, field by field", async () => {
    expect((await gql(null, "{ me { trend { month } } }")).statusCode).toBe(401);
    const m = (await gql(member, "{ dashboard { scope } decks { name } }")).json() as { data: { decks: unknown[] } | null; errors: { extensions: { code: string }; path: string[] }[] };
    expect(m.errors).toEqual([expect.objectContaining({ path: ["dashboard"], extensions: { code: "forbidden" } })]);
    const o = (await gql(outsider, "query($id: ID!) { sessionReport(id: $id) { title } }", { id: sessionId })).json() as { errors: { extensions: { code: string } }[] };
    expect(o.errors[0].extensions.code).toBe("not_found");
    const org = (await gql(owner, "{ orgDashboard { scope totals { participants { value suppressed } } } }")).json() as { data: { orgDashboard: { totals: { participants: { value: null; suppressed: boolean } } } } };
    expect(org.data.orgDashboard.totals.participants).toEqual({ value: null, suppressed: true });
    expect(((await gql(member, "{ orgDashboard { scope } }")).json() as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("forbidden");
  });

  it("rejects queries nested too deep or too costly before running them", async () => {
    const deep = "{ decks { cards { deck { cards { deck { cards { deck { cards { deck { name } } } } } } } } } }";
    const res = await gql(owner, deep);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "invalid", message: expect.stringContaining("levels deep") } });
    const wide = await gql(owner, "{ decks(limit: 200) { cards(limit: 200) { id word tags } } }");
    expect(wide.statusCode).toBe(400);
    expect(wide.json().error.message).toContain("cost");
    const fine = await gql(owner, "{ decks(limit: 5) { cards(limit: 10) { id word } } }");
    expect(fine.statusCode).toBe(200);
    expect((await gql(owner, "{ nothing }")).statusCode).toBe(400);
    expect((await gql(owner, "{ decks {")).statusCode).toBe(400);
    // The schema browser's introspection query stays allowed.
    const intro = await gql(owner, "{ __schema { queryType { name fields { name args { name type { name kind ofType { name kind ofType { name } } } } } } } }");
    expect(intro.statusCode).toBe(200);
  });
});
