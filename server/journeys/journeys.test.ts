import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_JOURNEYS, PHOTO_DECK_ID } from "../../content/index";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";

const step = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  instructions: { facilitator: "Invite everyone to arrive.", participant: "Take a breath." },
  durationSeconds: 120,
  prompts: ["What do you notice?"],
  ...extra,
});
const plan = (name: string, deckId: string | null = PHOTO_DECK_ID) => ({
  name,
  description: "A short check-in",
  audience: "group",
  phases: [
    { key: "pause", name: "Pause", purpose: "Arrive", steps: [step("Breathe")] },
    { key: "expand", name: "Expand", purpose: "Open up", steps: [step("Draw a card", { deckId, drawMode: "face-down", cardCount: 1 })] },
  ],
});

describe("journeys", () => {
  let t: TestApp;
  let owner: SignedUp;
  let facilitator: SignedUp;
  let member: SignedUp;
  let stranger: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    facilitator = await memberOf(t.app, owner, "facilitator");
    member = await memberOf(t.app, owner, "member");
    stranger = await signUp(t.app);
  });
  afterAll(() => t.close());

  const req = (method: string, url: string, who: SignedUp | null, payload?: unknown) =>
    t.app.inject({ method: method as "GET", url, headers: who?.headers ?? {}, payload: payload as object });

  it("lists the studio's journeys to every member, read-only, with phases and steps in order", async () => {
    const list = (await req("GET", "/api/journeys", member)).json().items as { id: string; readOnly: boolean; phases: { name: string }[] }[];
    for (const j of DEFAULT_JOURNEYS) expect(list).toContainEqual(expect.objectContaining({ id: j.id, name: j.name, orgId: null, readOnly: true }));
    const one = (await req("GET", `/api/journeys/${DEFAULT_JOURNEYS[0].id}`, member)).json();
    expect(one.phases.map((p: { name: string }) => p.name)).toEqual(DEFAULT_JOURNEYS[0].phases.map((p) => p.name));
    const put = await req("PUT", `/api/journeys/${DEFAULT_JOURNEYS[0].id}`, owner, plan("Mine"));
    expect(put.statusCode).toBe(403);
    expect(put.json().error.message).toContain("read-only; copy");
    expect((await req("POST", `/api/journeys/${DEFAULT_JOURNEYS[0].id}/archive`, owner, {})).statusCode).toBe(403);
  });

  it("creates, replaces, archives and restores an organisation's journey, assigning step ids", async () => {
    expect((await req("POST", "/api/journeys", member, plan("Nope"))).statusCode).toBe(403);
    const created = await req("POST", "/api/journeys", facilitator, plan("Monday check-in"));
    expect(created.statusCode).toBe(201);
    const j = created.json();
    expect(j).toMatchObject({ name: "Monday check-in", orgId: owner.orgId, audience: "group", readOnly: false, archived: false });
    const stepIds = j.phases.flatMap((p: { steps: { id: string }[] }) => p.steps.map((s) => s.id));
    expect(new Set(stepIds).size).toBe(2);

    const next = plan("Monday check-in, longer");
    // The editor keeps the first step's id and sends the second one twice: duplicates get fresh ids.
    next.phases[0].steps[0] = { ...next.phases[0].steps[0], id: stepIds[0] } as typeof next.phases[0]["steps"][0];
    next.phases[1].steps.push({ ...step("Share"), id: stepIds[0] } as typeof next.phases[1]["steps"][0]);
    const replaced = (await req("PUT", `/api/journeys/${j.id}`, facilitator, next)).json();
    const ids = replaced.phases.flatMap((p: { steps: { id: string }[] }) => p.steps.map((s) => s.id));
    expect(ids[0]).toBe(stepIds[0]);
    expect(new Set(ids).size).toBe(3);

    expect((await req("POST", `/api/journeys/${j.id}/archive`, facilitator, {})).json().archived).toBe(true);
    expect((await req("GET", "/api/journeys", member)).json().items.map((x: { id: string }) => x.id)).not.toContain(j.id);
    expect((await req("GET", "/api/journeys?includeArchived=true", facilitator)).json().items.map((x: { id: string }) => x.id)).toContain(j.id);
    expect((await req("POST", `/api/journeys/${j.id}/restore`, facilitator, {})).json().archived).toBe(false);
  });

  it("copies a default journey into the organisation as an editable plan with new step ids", async () => {
    const source = DEFAULT_JOURNEYS[1];
    const res = await req("POST", `/api/journeys/${source.id}/copy`, facilitator, {});
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({ name: `${source.name} (copy)`, orgId: owner.orgId, copiedFrom: source.id, readOnly: false });
    expect(copy.phases.map((p: { name: string }) => p.name)).toEqual(source.phases.map((p) => p.name));
    const sourceStepIds = new Set(source.phases.flatMap((p) => p.steps.map((s) => s.id)));
    expect(copy.phases.flatMap((p: { steps: { id: string }[] }) => p.steps.map((s) => s.id)).some((id: string) => sourceStepIds.has(id))).toBe(false);
    const named = await req("POST", `/api/journeys/${source.id}/copy`, facilitator, { name: "Ours" });
    expect(named.json().name).toBe("Ours");
  });

  it("keeps an organisation's journeys and decks private", async () => {
    const j = (await req("POST", "/api/journeys", owner, plan("Private plan"))).json();
    expect((await req("GET", `/api/journeys/${j.id}`, stranger)).statusCode).toBe(404);
    expect((await req("POST", `/api/journeys/${j.id}/copy`, stranger, {})).statusCode).toBe(404);
    expect((await req("PUT", `/api/journeys/${j.id}`, stranger, plan("Taken"))).statusCode).toBe(404);
    expect((await req("GET", "/api/journeys", stranger)).json().items.map((x: { id: string }) => x.id)).not.toContain(j.id);
    // A journey may not point at another organisation's deck either.
    const theirDeck = (await req("POST", "/api/decks", stranger, { name: "Theirs", kind: "photo" })).json().id;
    const res = await req("POST", "/api/journeys", owner, plan("Borrowing", theirDeck));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain("Draw a card");
  });

  it("validates a journey: phases and steps are required, durations are bounded", async () => {
    const noPhases = await req("POST", "/api/journeys", owner, { ...plan("Empty"), phases: [] });
    expect(noPhases.statusCode).toBe(400);
    const noSteps = await req("POST", "/api/journeys", owner, { ...plan("No steps"), phases: [{ key: "pause", name: "Pause", purpose: "x", steps: [] }] });
    expect(noSteps.statusCode).toBe(400);
    const bad = plan("Too long");
    (bad.phases[0].steps[0] as { durationSeconds: number }).durationSeconds = 10 ** 9;
    const tooLong = await req("POST", "/api/journeys", owner, bad);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details.fieldErrors).toHaveProperty(["phases.0.steps.0.durationSeconds"]);
    expect((await req("GET", "/api/journeys/00000000-0000-4000-8000-000000000000", owner)).statusCode).toBe(404);
  });
});
