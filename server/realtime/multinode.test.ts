import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { defaultJourneys, PHOTO_DECK_ID } from "../../content";
import type { SessionState } from "../../domain/session";
import { buildApp, type Built } from "../app";
import { withDatabase } from "../test/global-setup";
import { testConfig } from "../test/harness";
import { signUp } from "../test/factories";
import { LiveClient } from "../test/live-client";

/**
 * Two server nodes on one PostgreSQL and one Redis, as in a scaled deployment: people
 * connected to different nodes must see the same events in the same order.
 */
describe("two nodes serving one session", () => {
  const base = inject("pgBaseUrl");
  const dbName = `pyou_mn_${randomBytes(4).toString("hex")}`;
  const nodes: (Built & { url: string; dataDir: string })[] = [];
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    for (let i = 0; i < 2; i++) {
      const config = testConfig({ DATABASE_URL: withDatabase(base, dbName), REDIS_URL: "redis://127.0.0.1:6379" });
      const built = await buildApp({ config, logger: false });
      await built.app.listen({ port: 0, host: "127.0.0.1" });
      const addr = built.app.server.address();
      nodes.push({ ...built, url: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`, dataDir: config.dataDir });
    }
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const n of nodes) {
      await n.app.close();
      rmSync(n.dataDir, { recursive: true, force: true });
    }
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it("orders commands from both nodes into one log that every client receives in full", async () => {
    const [a, b] = nodes;
    const owner = await signUp(a.app, { name: "Node Facilitator" });
    const created = await b.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title: "Across nodes", journeyId: defaultJourneys()[0].id } });
    expect(created.statusCode).toBe(201);
    const session = created.json() as { id: string; joinCode: string };
    const joinVia = async (node: Built, name: string) =>
      (await node.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: session.joinCode, displayName: name } })).json() as { token: string; participantId: string };
    const p1 = await joinVia(a, "On A");
    const p2 = await joinVia(b, "On B");

    const facA = new LiveClient(a.url, owner.token);
    const facB = new LiveClient(b.url, owner.token);
    const c1 = new LiveClient(a.url, p1.token);
    const c2 = new LiveClient(b.url, p2.token);
    clients.push(facA, facB, c1, c2);
    for (const c of [facA, facB, c1, c2]) expect((await c.join(session.id)).ok).toBe(true);

    // Commands race from both nodes at once.
    const acks = await Promise.all([
      facA.command("timer.start", { seconds: 120 }),
      facB.command("cards.deal", { deckId: PHOTO_DECK_ID, mode: "face-up", count: 4, to: "table" }),
      c1.command("hand.raise"),
      c2.command("hand.raise"),
      c1.command("chat.send", { text: "from A" }),
      c2.command("chat.send", { text: "from B" }),
      facB.command("phase.next"),
    ]);
    expect(acks.every((x) => x.ok)).toBe(true);
    const head = Math.max(...acks.map((x) => (x.ok ? x.seq : 0)));
    for (const c of [facA, facB, c1, c2]) await c.waitForSeq(head, 10_000);

    const orderOf = (c: LiveClient) => c.events.filter((e) => e.seq > 2).map((e) => `${e.seq}:${e.type}`).sort((x, y) => parseInt(x) - parseInt(y));
    expect(orderOf(c1)).toEqual(orderOf(c2));
    expect(orderOf(facA)).toEqual(orderOf(facB));
    expect(new Set(c1.events.map((e) => e.seq)).size).toBe(c1.events.length);

    const stateOn = async (c: LiveClient) => ((await c.join(session.id)) as { ok: true; state: SessionState; seq: number });
    const [sa, sb] = await Promise.all([stateOn(facA), stateOn(facB)]);
    expect(sa.seq).toBe(sb.seq);
    expect(sa.state).toEqual(sb.state);
    expect(sa.state.chat.map((m) => m.text).sort()).toEqual(["from A", "from B"]);
  });
});
