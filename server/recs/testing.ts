import { expect } from "vitest";
import { DEFAULT_JOURNEYS } from "../../content/index";
import type { TestApp } from "../test/harness";
import type { SignedUp } from "../test/factories";
import { recsFor } from "./runtime";

export interface LiveSession {
  id: string;
  joinCode: string;
  facilitatorId: string;
}

/** A live, started session run by `owner`, made through the API as the console does. */
export async function startSession(t: TestApp, owner: SignedUp, title = "Finding courage"): Promise<LiveSession> {
  const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title, journeyId: DEFAULT_JOURNEYS[0].id } });
  expect(res.statusCode, res.body).toBe(201);
  const s = res.json() as { id: string; joinCode: string; participantId: string };
  const started = await t.ctx.live.execute(s.id, { type: "session.start", payload: {} }, { participantId: s.participantId, role: "facilitator" });
  expect(started.ok).toBe(true);
  return { id: s.id, joinCode: s.joinCode, facilitatorId: s.participantId };
}

export async function joinAsGuest(t: TestApp, s: LiveSession, displayName: string): Promise<{ participantId: string; headers: Record<string, string> }> {
  const res = await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode, displayName } });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { participantId: string; token: string };
  return { participantId: body.participantId, headers: { authorization: `Bearer ${body.token}` } };
}

export async function command(t: TestApp, sessionId: string, participantId: string, role: "facilitator" | "participant", type: string, payload: Record<string, unknown> = {}) {
  const res = await t.ctx.live.execute(sessionId, { type, payload }, { participantId, role });
  expect(res, `${type}`).toMatchObject({ ok: true });
}

export interface Suggestions {
  items: { card: { id: string; word: string }; score: number; reason: string; reasonKind: string; recommendationId: string }[];
  model: { name: string; version: string };
  listId: string | null;
  note?: string;
  experiment?: { id: string; arm: string };
}

export async function suggest(t: TestApp, headers: Record<string, string>, query: Record<string, string | number> = {}): Promise<Suggestions> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await t.app.inject({ method: "GET", url: `/api/recommendations/cards${qs ? `?${qs}` : ""}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Suggestions;
}


/** Suggestion lists are logged behind the answer; tests that read the log wait for it. */
export async function logged(t: TestApp): Promise<void> {
  await Promise.allSettled(recsFor(t.ctx).pending.values());
}
