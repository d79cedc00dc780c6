import { index, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgs, users } from "./schema-core";
import { sessions } from "./schema-sessions";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A conversation with the coach: solo (userId) or inside a live session (participantId). */
export const coachConversations = pgTable(
  "coach_conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id"),
    sessionId: uuid("session_id").references(() => sessions.id, { onDelete: "cascade" }),
    journeyId: uuid("journey_id"),
    topic: text("topic"),
    cardIds: uuid("card_ids").array().notNull().default([]),
    language: text("language").notNull().default("en"),
    /** The dialogue engine's working memory: phase, prompts used, key phrases. */
    state: jsonb("state").$type<Record<string, unknown>>().notNull().default({}),
    summary: jsonb("summary").$type<Record<string, unknown> | null>(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("coach_conversations_user_idx").on(t.userId, t.createdAt), index("coach_conversations_session_idx").on(t.sessionId)],
);

export const coachMessages = pgTable(
  "coach_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => coachConversations.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "coach"] }).notNull(),
    text: text("text").notNull(),
    /** Provider, prompt ids, safety outcome, phase: what the eval and the learning read. */
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("coach_messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

/** Themes and commitments a person chose to keep for later conversations; theirs to view and delete. */
export const coachMemories = pgTable(
  "coach_memories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["theme", "commitment", "note"] }).notNull(),
    text: text("text").notNull(),
    sourceConversationId: uuid("source_conversation_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("coach_memories_user_idx").on(t.userId)],
);

/** Every signal people give about cards, coach turns, recommendations and journeys. */
export const feedbackEvents = pgTable(
  "feedback_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    participantId: uuid("participant_id"),
    sessionId: uuid("session_id"),
    targetType: text("target_type", { enum: ["card", "coachMessage", "recommendation", "journey"] }).notNull(),
    targetId: uuid("target_id").notNull(),
    signal: text("signal").notNull(),
    value: real("value"),
    reason: text("reason"),
    context: jsonb("context").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("feedback_org_time_idx").on(t.orgId, t.createdAt), index("feedback_target_idx").on(t.targetType, t.targetId)],
);

/** In-app notices (commitment reminders, safety alerts) for a person. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
    readAt: ts("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** Results of text analysis on reflections, chat and coach turns, for the copilot and analytics. */
export const textAnalyses = pgTable(
  "text_analyses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id"),
    participantId: uuid("participant_id"),
    sourceType: text("source_type", { enum: ["reflection", "chat", "coach", "commitment", "caption"] }).notNull(),
    sourceId: text("source_id").notNull(),
    valence: real("valence").notNull(),
    emotions: jsonb("emotions").$type<Record<string, number>>().notNull(),
    dominant: text("dominant").notNull(),
    language: text("language").notNull(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("text_analyses_session_idx").on(t.sessionId, t.at)],
);

/** Consent to voice and face signals, per participant and session, with the text version agreed to. */
export const signalConsents = pgTable(
  "signal_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    kinds: text("kinds").array().notNull(),
    version: text("version").notNull(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("signal_consents_session_idx").on(t.sessionId, t.participantId)],
);

/** Per-minute aggregates of on-device signals; never raw audio or images. */
export const signalMinutes = pgTable(
  "signal_minutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    minute: ts("minute").notNull(),
    metrics: jsonb("metrics").$type<Record<string, number>>().notNull(),
  },
  (t) => [index("signal_minutes_session_idx").on(t.sessionId, t.minute)],
);
