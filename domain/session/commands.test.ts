import { describe, expect, it } from "vitest";
import { commandEnvelopeSchema, sessionJoinSchema } from "../realtime";
import { CLIENT_COMMAND_TYPES, FACILITATOR_COMMANDS, parseCommand, parseServerCommand } from "./commands";
import { FACILITATOR, Harness } from "./test-fixtures";

describe("parsing commands", () => {
  it("accepts every contract command with a well-formed payload", () => {
    const samples: Record<string, unknown> = {
      "phase.goto": { index: 2 },
      "timer.start": { seconds: 300 },
      "cards.deal": { deckId: "photo", mode: "face-down", count: 1, to: "each" },
      "card.swap": { cardId: "c1" },
      "reflection.add": { text: "the bridge", visibility: "shared", cardId: "c1" },
      "breakouts.open": { count: 3, assignment: { p1: 0 } },
      "session.admission": { mode: "manual" },
      "participant.rename": { participantId: "p1", displayName: "Sam" },
    };
    for (const [type, payload] of Object.entries(samples)) expect(parseCommand({ type, payload })).toMatchObject({ ok: true, command: { type } });
    for (const type of ["phase.next", "timer.pause", "cards.collect", "hand.raise", "hand.lower", "breakouts.close", "session.end"]) {
      expect(parseCommand({ type })).toEqual({ ok: true, command: { type, payload: {} } });
    }
  });

  it("explains bad payloads in plain sentences", () => {
    const cases: [unknown, string][] = [
      [{ type: "timer.start", payload: { seconds: 0 } }, "The timer length in seconds must be at least 1."],
      [{ type: "timer.start", payload: { seconds: 1.5 } }, "The timer length in seconds must be a whole number."],
      [{ type: "phase.goto", payload: {} }, "The phase number must be a number."],
      [{ type: "cards.deal", payload: { deckId: "d", mode: "sideways", count: 1, to: "each" } }, 'The mode must be "face-down" or "face-up".'],
      [{ type: "reflection.add", payload: { text: "x".repeat(5001), visibility: "private" } }, "The reflection can be at most 5000 characters long."],
      [{ type: "breakouts.open", payload: { count: 0 } }, "The number of rooms must be at least 1."],
      [{ type: "warp.drive" }, '"warp.drive" is not a command the session understands.'],
      [{ payload: {} }, 'A command needs a type, such as "phase.next".'],
      ["phase.next", "A command must be an object with a type and a payload."],
    ];
    for (const [input, message] of cases) expect(parseCommand(input)).toEqual({ ok: false, error: { code: "invalid", message } });
  });

  it("never accepts the server's own join command from a client", () => {
    const join = { type: "participant.join", payload: { participantId: "x", displayName: "X", role: "facilitator" } };
    expect(parseCommand(join).ok).toBe(false);
    expect(parseServerCommand(join).ok).toBe(true);
  });

  it("lists facilitator commands that are all real client commands", () => {
    for (const type of FACILITATOR_COMMANDS) expect(CLIENT_COMMAND_TYPES).toContain(type);
  });
});

describe("deciding raw input", () => {
  it("answers forbidden before looking at a participant's payload for a facilitator command", () => {
    const h = new Harness();
    h.join("ana");
    expect(h.tryInput("ana", { type: "phase.goto", payload: { index: -1 } })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(h.tryInput(FACILITATOR, { type: "phase.goto", payload: { index: -1 } })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(h.tryInput(FACILITATOR, { type: "phase.goto", payload: { index: 1 } }).ok).toBe(true);
  });
});

describe("realtime envelopes", () => {
  it("checks the command envelope id and the join request", () => {
    expect(commandEnvelopeSchema.safeParse({ id: "a1", type: "phase.next" }).success).toBe(true);
    expect(commandEnvelopeSchema.safeParse({ id: "", type: "phase.next" }).success).toBe(false);
    expect(commandEnvelopeSchema.safeParse({ id: "x".repeat(101), type: "phase.next" }).success).toBe(false);
    expect(sessionJoinSchema.safeParse({ sessionId: "s1", lastSeq: 4 }).success).toBe(true);
    expect(sessionJoinSchema.safeParse({ sessionId: "s1", lastSeq: -1 }).success).toBe(false);
  });
});
