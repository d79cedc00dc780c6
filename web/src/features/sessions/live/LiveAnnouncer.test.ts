import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import type { SessionEventMessage } from "../../../../../domain/realtime";
import { createInitialState } from "../../../../../domain/session/state";
import { dueFor } from "../../join/CommitmentForm";
import { describeEvent } from "./LiveAnnouncer";

// Echoes the key and its values, so the choice of sentence is what is tested.
const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? ` ${JSON.stringify(values)}` : ""}`) as unknown as TFunction;
const state = createInitialState({ sessionId: "s", title: "T", journeyId: "j", phases: [{ name: "Pause" }], facilitator: { participantId: "f", displayName: "Fay" } });
const wrap = (e: Pick<SessionEventMessage, "type" | "payload">): SessionEventMessage => ({ ...e, seq: 1, actorId: "f", at: 1 }) as SessionEventMessage;

describe("what a new event means to each person", () => {
  it("tells a participant about cards dealt to them and stays quiet about others' hands", () => {
    const dealt = wrap({ type: "cards.dealt", payload: { deckId: "d", faceUp: false, to: "each", cards: [{ cardId: "hidden", slot: 1, participantId: "a" }, { cardId: "c2", slot: 2, participantId: "b" }] } });
    expect(describeEvent(t, dealt, state, "b", "participant")).toBe('live.news.dealtToYou {"count":1}');
    expect(describeEvent(t, dealt, state, "z", "participant")).toBeNull();
    expect(describeEvent(t, dealt, state, "f", "facilitator")).toBe('live.news.dealt {"count":2}');
  });

  it("tells people which breakout room they are in", () => {
    const opened = wrap({ type: "breakouts.opened", payload: { rooms: [{ index: 0, participantIds: ["a"] }, { index: 1, participantIds: ["b"] }] } });
    expect(describeEvent(t, opened, state, "b", "participant")).toBe('live.news.inRoom {"room":2}');
    expect(describeEvent(t, opened, state, "f", "facilitator")).toBe('live.news.roomsOpened {"count":2}');
  });

  it("tells only facilitators about raised hands and people waiting", () => {
    const waiting = wrap({ type: "participant.joined", payload: { participantId: "n", displayName: "Noa", role: "participant", admitted: false, at: 1 } });
    expect(describeEvent(t, waiting, state, "f", "facilitator")).toBe('live.news.waiting {"name":"Noa"}');
    expect(describeEvent(t, waiting, state, "a", "participant")).toBeNull();
  });
});

describe("a commitment's time frame", () => {
  const now = Date.UTC(2025, 2, 14, 9, 0, 0);
  it("is a moment for 'within', a plain date when one is picked, and nothing otherwise", () => {
    expect(dueFor("24h", "", now)).toBe("2025-03-15T09:00:00.000Z");
    expect(dueFor("week", "", now)).toBe("2025-03-21T09:00:00.000Z");
    expect(dueFor("date", "2025-04-01", now)).toBe("2025-04-01");
    expect(dueFor("date", "", now)).toBeUndefined();
    expect(dueFor("none", "2025-04-01", now)).toBeUndefined();
  });
});
