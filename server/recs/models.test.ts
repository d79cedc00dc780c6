import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS } from "../../content/index";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { recsFor } from "./runtime";
import { suggest } from "./testing";

describe("recommender models: versions, retraining and per-organisation isolation", () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  const card = DEFAULT_CARDS[10];
  const other = DEFAULT_CARDS[20];
  beforeAll(async () => {
    t = await createTestApp();
    a = await signUp(t.app, { name: "Org A Owner" });
    b = await signUp(t.app, { name: "Org B Owner" });
  });
  afterAll(() => t.close());

  const give = (p: SignedUp, targetId: string, signal: string) => t.app.inject({ method: "POST", url: "/api/feedback", headers: p.headers, payload: { targetType: "card", targetId, signal } });
  const train = (p: SignedUp) => t.app.inject({ method: "POST", url: "/api/recommendations/models/train", headers: p.headers });
  const models = async (p: SignedUp) => (await t.app.inject({ method: "GET", url: "/api/recommendations/models", headers: p.headers })).json() as { items: { version: string; scope: string; eventCount: number; metrics: Record<string, number>; params: Record<string, unknown>; serving: boolean }[]; serving: { version: string } };

  it("trains a versioned model with its window, parameters and offline metrics, and serves it by name", async () => {
    const colleague = await memberOf(t.app, a, "facilitator");
    for (const p of [a, colleague]) {
      expect((await give(p, card.id, "chosen")).statusCode).toBe(204);
      expect((await give(p, other.id, "kept")).statusCode).toBe(204);
    }
    const res = await train(a);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ scope: "org", name: "hybrid", version: "v1", eventCount: 4, trigger: "manual", serving: true });
    expect(res.json().metrics).toHaveProperty("ndcg10");
    expect(res.json().params).toHaveProperty("diversityLambda");
    expect((await train(a)).json()).toMatchObject({ version: "v2" });
    const listed = await models(a);
    expect(listed.items.map((m) => m.version)).toEqual(["v2", "v1"]);
    expect(listed.serving.version).toBe("v2");
    expect((await suggest(t, a.headers, { topic: "a new beginning" })).model).toEqual({ name: "hybrid", version: "v2" });
  });

  it("keeps what one organisation taught out of another's suggestions and model list", async () => {
    expect((await models(b)).items).toEqual([]);
    const served = await recsFor(t.ctx).store.serving(b.orgId);
    expect(served.model.counts.has(card.id)).toBe(false);
    const forB = await suggest(t, b.headers, { limit: 10 });
    expect(forB.model.version).toBe("cold-start");
    expect(forB.items.every((i) => i.reasonKind !== "popular" && i.reasonKind !== "alongside")).toBe(true);
    const servedA = await recsFor(t.ctx).store.serving(a.orgId);
    expect(servedA.model.counts.get(card.id)?.pos).toBe(2);
    // Neighbours learned in A (the two cards kept together) exist in A's model only.
    expect(servedA.model.neighbours.get(card.id)?.has(other.id)).toBe(true);
    expect(served.model.neighbours.size).toBe(0);
  });

  it("shares learning only between organisations that both opted into the shared model", async () => {
    const member = await memberOf(t.app, b, "member");
    const optIn = (p: SignedUp, sharedModel: boolean) => t.app.inject({ method: "PUT", url: "/api/recommendations/settings", headers: p.headers, payload: { sharedModel } });
    expect((await optIn(member, true)).statusCode).toBe(403);
    expect((await optIn(a, true)).statusCode).toBe(200);
    // B has not opted in: A's shared model must not reach it.
    expect((await train(a)).json()).toMatchObject({ scope: "shared", version: "shared-v1" });
    expect((await suggest(t, b.headers, {})).model.version).toBe("cold-start");
    expect((await optIn(b, true)).statusCode).toBe(200);
    const servedB = await recsFor(t.ctx).store.serving(b.orgId);
    expect(servedB.key).toBe("shared");
    expect(servedB.model.counts.get(card.id)?.pos).toBe(2);
    expect((await suggest(t, b.headers, {})).model.version).toBe("shared-v1");
    expect((await optIn(b, false)).statusCode).toBe(200);
    expect((await recsFor(t.ctx).store.serving(b.orgId)).key).toBe(`org:${b.orgId}`);
  });

  it("retrains on schedule only where new signals arrived", async () => {
    const trainer = recsFor(t.ctx).trainer;
    const before = (await models(b)).items.filter((m) => m.scope === "org").length;
    expect((await give(b, card.id, "swapped")).statusCode).toBe(204);
    await trainer.runDue();
    const after = (await models(b)).items.filter((m) => m.scope === "org");
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ eventCount: 1 });
    await trainer.runDue();
    expect((await models(b)).items.filter((m) => m.scope === "org").length).toBe(before + 1);
  });
});
