import { z } from "zod";
import { REACTION_EMOJIS } from "./types";
import type { CommandError } from "./types";

// Commands are what people ask the session to do. Each payload has a zod schema so the
// server (and the browser, before sending) can tell someone clearly what is wrong.

const empty = z.object({});

function text(what: string, max: number) {
  return z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, { error: `${what} cannot be empty.` })
    .max(max, { error: `${what} can be at most ${max} characters long.` });
}

const id = (what: string) =>
  z
    .string({ error: `${what} must be given as text.` })
    .min(1, { error: `${what} is missing.` })
    .max(200, { error: `${what} is too long.` });

function wholeNumber(what: string, min: number, max: number) {
  return z
    .number({ error: `${what} must be a number.` })
    .int({ error: `${what} must be a whole number.` })
    .min(min, { error: `${what} must be at least ${min}.` })
    .max(max, { error: `${what} can be at most ${max}.` });
}

const displayName = text("The display name", 60);
const roleSchema = z.enum(["facilitator", "cofacilitator", "participant"], {
  error: "The role must be facilitator, cofacilitator or participant.",
});

/** Longest timer a facilitator can set: a whole day. */
export const MAX_TIMER_SECONDS = 24 * 60 * 60;
export const MAX_DEAL_COUNT = 30;
export const MAX_BREAKOUT_ROOMS = 50;

export const commandPayloadSchemas = {
  "phase.next": empty,
  "phase.previous": empty,
  "phase.goto": z.object({ index: wholeNumber("The phase number", 0, 1000) }),
  "timer.start": z.object({ seconds: wholeNumber("The timer length in seconds", 1, MAX_TIMER_SECONDS) }),
  "timer.pause": empty,
  "timer.resume": empty,
  "timer.extend": z.object({ seconds: wholeNumber("The extra time in seconds", 1, MAX_TIMER_SECONDS) }),
  "timer.reset": empty,
  "cards.deal": z.object({
    deckId: id("The deck"),
    mode: z.enum(["face-down", "face-up"], { error: 'The mode must be "face-down" or "face-up".' }),
    count: wholeNumber("The number of cards", 1, MAX_DEAL_COUNT),
    to: z.enum(["each", "table"], { error: 'Cards go to "each" participant or to the "table".' }),
    /** Deal these cards (still in the deck's pile) instead of the top ones; `count` is then ignored. */
    cardIds: z.array(id("The card"), { error: "The cards must be a list of card ids." }).min(1).max(MAX_DEAL_COUNT).optional(),
    /** With `to: "each"`, deal only to this participant. */
    participantId: id("The participant").optional(),
  }),
  "card.flip": z.object({ cardId: id("The card") }),
  "card.choose": z.object({ cardId: id("The card") }),
  "card.swap": z.object({ cardId: id("The card") }),
  "card.place": z.object({ cardId: id("The card") }),
  "card.spotlight": z.object({ cardId: id("The card") }),
  "spotlight.clear": empty,
  "cards.collect": empty,
  "reflection.add": z.object({
    text: text("The reflection", 5000),
    visibility: z.enum(["private", "shared"], { error: 'The visibility must be "private" or "shared".' }),
    cardId: id("The card").optional(),
  }),
  "chat.send": z.object({ text: text("The message", 1000) }),
  "reaction.send": z.object({
    emoji: z.enum(REACTION_EMOJIS, { error: `The reaction must be one of ${REACTION_EMOJIS.join(" ")}.` }),
  }),
  "hand.raise": empty,
  "hand.lower": z.object({ participantId: id("The participant").optional() }),
  "commitment.add": z.object({
    text: text("The commitment", 500),
    due: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], {
        error: "The due date must be a date like 2025-03-14 or a date and time like 2025-03-14T18:00:00Z.",
      })
      .optional(),
  }),
  "participant.admit": z.object({ participantId: id("The participant") }),
  "participant.remove": z.object({ participantId: id("The participant") }),
  "participant.rename": z.object({ participantId: id("The participant"), displayName }),
  "breakouts.open": z.object({
    count: wholeNumber("The number of rooms", 1, MAX_BREAKOUT_ROOMS),
    assignment: z
      .record(id("The participant"), wholeNumber("The room number", 0, MAX_BREAKOUT_ROOMS - 1), {
        error: "The assignment must map participant ids to room numbers.",
      })
      .optional(),
  }),
  "breakouts.move": z.object({
    participantId: id("The participant"),
    roomIndex: wholeNumber("The room number", 0, MAX_BREAKOUT_ROOMS - 1),
  }),
  "breakouts.broadcast": z.object({ text: text("The broadcast", 500) }),
  "breakouts.callFacilitator": empty,
  "breakouts.close": empty,
  "session.start": empty,
  "session.lock": empty,
  "session.unlock": empty,
  "session.admission": z.object({
    mode: z.enum(["auto", "manual"], { error: 'Admission must be "auto" or "manual".' }),
  }),
  "session.end": empty,
  "suggestions.toggle": z.object({ enabled: z.boolean({ error: "Say true or false for enabled." }) }),
} as const;

/** Issued by the server only (someone joined with the session's code); never accepted from a client. */
export const serverCommandPayloadSchemas = {
  "participant.join": z.object({
    participantId: id("The participant"),
    displayName,
    role: roleSchema,
  }),
} as const;

type ClientSchemas = typeof commandPayloadSchemas;
type ServerSchemas = typeof serverCommandPayloadSchemas;

export type ClientCommandType = keyof ClientSchemas;
export type ServerCommandType = keyof ServerSchemas;
export type CommandType = ClientCommandType | ServerCommandType;

export type CommandPayloads = { [K in ClientCommandType]: z.output<ClientSchemas[K]> } & {
  [K in ServerCommandType]: z.output<ServerSchemas[K]>;
};

export type Command = { [K in CommandType]: { type: K; payload: CommandPayloads[K] } }[CommandType];
export type ClientCommand = Extract<Command, { type: ClientCommandType }>;
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;

export const CLIENT_COMMAND_TYPES = Object.keys(commandPayloadSchemas) as ClientCommandType[];

/** Commands only a facilitator or cofacilitator may give. */
export const FACILITATOR_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  "phase.next",
  "phase.previous",
  "phase.goto",
  "timer.start",
  "timer.pause",
  "timer.resume",
  "timer.extend",
  "timer.reset",
  "cards.deal",
  "card.spotlight",
  "spotlight.clear",
  "cards.collect",
  "participant.admit",
  "participant.remove",
  "breakouts.open",
  "breakouts.move",
  "breakouts.broadcast",
  "breakouts.close",
  "session.start",
  "session.lock",
  "session.unlock",
  "session.admission",
  "session.end",
  "suggestions.toggle",
]);

export function isClientCommandType(type: unknown): type is ClientCommandType {
  return typeof type === "string" && Object.hasOwn(commandPayloadSchemas, type);
}

export type ParseResult<T> = { ok: true; command: T } | { ok: false; error: CommandError };

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The command's details are not valid.";
  // Zod's own wording for structural problems is terse; our schemas carry full sentences.
  return issue.message.endsWith(".") ? issue.message : `The command's details are not valid: ${issue.message}.`;
}

function parseWith<T>(schemas: Record<string, z.ZodType>, input: unknown, kinds: string): ParseResult<T> {
  if (typeof input !== "object" || input === null) {
    return { ok: false, error: { code: "invalid", message: "A command must be an object with a type and a payload." } };
  }
  const { type, payload } = input as { type?: unknown; payload?: unknown };
  if (typeof type !== "string" || !Object.hasOwn(schemas, type)) {
    return {
      ok: false,
      error: {
        code: "invalid",
        message:
          typeof type === "string"
            ? `"${type.slice(0, 60)}" is not a ${kinds} the session understands.`
            : "A command needs a type, such as \"phase.next\".",
      },
    };
  }
  const parsed = schemas[type].safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: { code: "invalid", message: describeIssue(parsed.error) } };
  // The schema looked up by `type` produced this payload, so the pair is one member of T.
  return { ok: true, command: { type, payload: parsed.data } as T };
}

/** Validates a command sent by a client. Server-only commands are refused as unknown. */
export function parseCommand(input: unknown): ParseResult<ClientCommand> {
  return parseWith<ClientCommand>(commandPayloadSchemas, input, "command");
}

/** Validates a command the server issues itself, such as `participant.join`. */
export function parseServerCommand(input: unknown): ParseResult<Command> {
  return parseWith<Command>(serverCommandPayloadSchemas, input, "server command");
}
