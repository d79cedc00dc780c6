import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS } from "../../content/index";
import { createTestApp, type TestApp } from "../test/harness";
import { signUp } from "../test/factories";
import { QueueRetrainJobs } from "./jobs";
import { recsFor } from "./runtime";

// Retraining through BullMQ on the real Redis. Every test has its own key prefix and removes
// every key under it afterwards, so runs side by side never see each other's jobs.
const REDIS_URL = "redis://127.0.0.1:6379";

async function removeKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

function queueJobs(t: TestApp): QueueRetrainJobs {
  const jobs = recsFor(t.ctx).jobs;
  expect(jobs).toBeInstanceOf(QueueRetrainJobs);
  return jobs as QueueRetrainJobs;
}

describe("recommender retraining through BullMQ with REDIS_URL", () => {
  const apps: TestApp[] = [];
  const prefixes: string[] = [];
  const appOn = async (prefix: string) => {
    const t = await createTestApp({ REDIS_URL, QUEUE_PREFIX: prefix });
    apps.push(t);
    return t;
  };
  const newPrefix = () => {
    const p = `pyou-test-${randomBytes(4).toString("hex")}`;
    prefixes.push(p);
    return p;
  };

  afterAll(async () => {
    for (const t of apps) await t.close();
    for (const p of prefixes) await removeKeys(p);
  });

  it("trains on demand through the queue's worker, de-duplicating requests that arrive together", async () => {
    const prefix = newPrefix();
    const t = await appOn(prefix);
    const jobs = queueJobs(t);
    await jobs.start();
    const owner = await signUp(t.app, { name: "Queue Owner" });
    for (const signal of ["chosen", "kept"]) {
      const res = await t.app.inject({ method: "POST", url: "/api/feedback", headers: owner.headers, payload: { targetType: "card", targetId: DEFAULT_CARDS[3].id, signal } });
      expect(res.statusCode).toBe(204);
    }

    const [first, second] = await Promise.all([1, 2].map(() => t.app.inject({ method: "POST", url: "/api/recommendations/models/train", headers: owner.headers })));
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    // One job served both requests: the same model, version 1.
    expect(first.json()).toMatchObject({ version: "v1", trigger: "manual", eventCount: 2 });
    expect(second.json().id).toBe(first.json().id);
    expect(jobs.handled.filter((h) => h.name === "train")).toHaveLength(1);
    expect((await jobs.counts()).completed).toBeGreaterThanOrEqual(1);

    const listed = await t.app.inject({ method: "GET", url: "/api/recommendations/models", headers: owner.headers });
    expect(listed.json()).toMatchObject({ items: [{ version: "v1", serving: true }], serving: { version: "v1" } });

    const again = await t.app.inject({ method: "POST", url: "/api/recommendations/models/train", headers: owner.headers });
    expect(again.json()).toMatchObject({ version: "v2" });
    expect(jobs.handled.filter((h) => h.name === "train")).toHaveLength(2);
  }, 60_000);

  it("runs each scheduled retraining on one node only when two app instances share the queue", async () => {
    const prefix = newPrefix();
    const [a, b] = [await appOn(prefix), await appOn(prefix)];
    const [ja, jb] = [queueJobs(a), queueJobs(b)];
    const intervalMs = 400;
    const windowMs = 4_000;
    // Both nodes declare the schedule, as every node does at boot.
    await Promise.all([ja.start(intervalMs), jb.start(intervalMs)]);
    const from = Date.now();
    await new Promise((r) => setTimeout(r, windowMs));
    const until = Date.now();
    const runs = [...ja.handled, ...jb.handled].filter((h) => h.name === "scheduled" && h.at >= from && h.at <= until);
    const ids = runs.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // One run per interval in all (each node on its own would have made about twice as many).
    const intervals = (until - from) / intervalMs;
    expect(runs.length).toBeGreaterThanOrEqual(Math.floor(intervals * 0.5));
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
  }, 90_000);

  it("keeps the in-process timer without REDIS_URL", async () => {
    const t = await createTestApp();
    apps.push(t);
    expect(recsFor(t.ctx).jobs.kind).toBe("in-process");
  });
});
