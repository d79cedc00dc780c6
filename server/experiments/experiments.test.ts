import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experimentEvents } from "../db/schema";
import { logged, suggest } from "../recs/testing";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";

describe("experiments API", () => {
  let t: TestApp;
  let owner: SignedUp;
  let admin: SignedUp;
  let member: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app, { name: "Experimenter" });
    admin = await memberOf(t.app, owner, "admin");
    member = await memberOf(t.app, owner, "member");
  });
  afterAll(() => t.close());

  const body = {
    name: "More exploration",
    target: "recommender",
    arms: [
      { key: "control", config: {} },
      { key: "explore", config: { params: { explorationWeight: 0.5 } } },
    ],
    minExposures: 5,
  };

  it("is for admins only and validates arms", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/experiments", headers: member.headers, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/experiments", headers: member.headers })).statusCode).toBe(403);
    const twin = { ...body, arms: [body.arms[0], body.arms[0]] };
    expect((await t.app.inject({ method: "POST", url: "/api/experiments", headers: admin.headers, payload: twin })).statusCode).toBe(400);
  });

  it("assigns people stably, logs exposures and outcomes, reports rates with intervals, and stops any time", async () => {
    const created = await t.app.inject({ method: "POST", url: "/api/experiments", headers: admin.headers, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const exp = created.json() as { id: string; status: string };
    expect(exp.status).toBe("running");
    expect((await t.app.inject({ method: "POST", url: "/api/experiments", headers: admin.headers, payload: body })).statusCode).toBe(409);

    const first = await suggest(t, member.headers, { topic: "patience with my children", limit: 4 });
    const second = await suggest(t, member.headers, { topic: "patience with my children", limit: 4 });
    expect(first.experiment?.id).toBe(exp.id);
    expect(second.experiment?.arm).toBe(first.experiment?.arm);
    const arm = first.experiment!.arm;

    const fb = await t.app.inject({ method: "POST", url: "/api/feedback", headers: member.headers, payload: { targetType: "recommendation", targetId: first.items[1].recommendationId, signal: "kept" } });
    expect(fb.statusCode).toBe(204);
    // A second positive signal on the same list is still one success for that exposure.
    await t.app.inject({ method: "POST", url: "/api/feedback", headers: member.headers, payload: { targetType: "recommendation", targetId: first.items[2].recommendationId, signal: "chosen" } });

    await logged(t);
    const events = await t.database.db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, exp.id));
    expect(events.filter((e) => e.kind === "exposure")).toHaveLength(2);
    expect(events.filter((e) => e.kind === "outcome")).toHaveLength(1);
    expect(events.every((e) => e.arm === arm && e.unitId === member.user.id)).toBe(true);

    const view = (await t.app.inject({ method: "GET", url: `/api/experiments/${exp.id}`, headers: admin.headers })).json() as {
      arms: { key: string; exposures: number; successes: number; rate: number | null; ci: { low: number; high: number } | null; enoughData: boolean; note?: string }[];
    };
    const mine = view.arms.find((a) => a.key === arm)!;
    expect(mine).toMatchObject({ exposures: 2, successes: 1, rate: 0.5, enoughData: false });
    expect(mine.note).toMatch(/^not enough data yet/);
    expect(mine.ci!.low).toBeLessThan(0.5);
    expect(mine.ci!.high).toBeGreaterThan(0.5);
    const otherArm = view.arms.find((a) => a.key !== arm)!;
    expect(otherArm).toMatchObject({ exposures: 0, rate: null, ci: null });

    const stopped = await t.app.inject({ method: "POST", url: `/api/experiments/${exp.id}/stop`, headers: admin.headers });
    expect(stopped.json()).toMatchObject({ status: "stopped" });
    expect((await suggest(t, member.headers, { topic: "patience" })).experiment).toBeUndefined();
    const list = (await t.app.inject({ method: "GET", url: "/api/experiments", headers: admin.headers })).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(exp.id);
    expect((await t.app.inject({ method: "GET", url: `/api/experiments/${owner.user.id}`, headers: admin.headers })).statusCode).toBe(404);
  });

  it("reports weekly drift of the organisation's feedback", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/experiments/drift?weeks=4", headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { weeks: { events: number; signalMix: Record<string, number> }[]; flagged: boolean };
    expect(report.weeks.length).toBeGreaterThanOrEqual(1);
    expect(report.weeks.at(-1)!.signalMix).toHaveProperty("kept");
    expect(report.flagged).toBe(false);
  });
});
