import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { journeys } from "./schema-content";
import { orgs, users } from "./schema-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    journeyId: uuid("journey_id").references(() => journeys.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    joinCode: text("join_code").notNull(),
    admission: text("admission", { enum: ["auto", "manual"] }).notNull().default("auto"),
    status: text("status", { enum: ["scheduled", "live", "ended"] }).notNull().default("live"),
    scheduledAt: ts("scheduled_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Sequence number of the last appended event; the log's head. */
    lastSeq: integer("last_seq").notNull().default(0),
    /** State as of snapshotSeq, so a join does not replay the whole log. */
    snapshot: jsonb("snapshot"),
    snapshotSeq: integer("snapshot_seq").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    endedAt: ts("ended_at"),
  },
  (t) => [uniqueIndex("sessions_join_code_key").on(t.joinCode), index("sessions_org_idx").on(t.orgId, t.createdAt)],
);

export const sessionParticipants = pgTable(
  "session_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** Null for a guest who joined with the code; set when they claim their journal with an account. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["facilitator", "cofacilitator", "participant"] }).notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("session_participants_session_idx").on(t.sessionId), index("session_participants_user_idx").on(t.userId)],
);

/** The append-only log: the source of truth for a live session. */
export const sessionEvents = pgTable(
  "session_events",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    actorId: uuid("actor_id"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

/** Client command ids already applied, so a retried command is acknowledged without applying twice. */
export const sessionCommands = pgTable(
  "session_commands",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    commandId: text("command_id").notNull(),
    seq: integer("seq").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.commandId] })],
);

export const commitments = pgTable(
  "commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").references(() => sessions.id, { onDelete: "set null" }),
    participantId: uuid("participant_id"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    dueAt: ts("due_at"),
    status: text("status", { enum: ["open", "done", "dropped"] }).notNull().default("open"),
    remindedAt: ts("reminded_at"),
    completedAt: ts("completed_at"),
    /** Free-form follow-up: reschedules, reflections; counted by analytics. */
    followUps: jsonb("follow_ups").$type<{ at: string; kind: string; note?: string }[]>().notNull().default([]),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("commitments_user_idx").on(t.userId, t.dueAt), index("commitments_session_idx").on(t.sessionId), index("commitments_participant_idx").on(t.participantId)],
);
