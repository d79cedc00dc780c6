import { index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgs, users } from "./schema-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Every trained recommender: its version, parameters, training window and offline metrics,
 * plus the learned part itself. `orgId` null is the shared model of organisations that opted in.
 */
export const recommenderModels = pgTable(
  "recommender_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    /** "org" learns from one organisation only; "shared" from every organisation that opted in. */
    scope: text("scope", { enum: ["org", "shared"] }).notNull(),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    trainedFrom: ts("trained_from"),
    trainedTo: ts("trained_to").notNull(),
    eventCount: integer("event_count").notNull(),
    metrics: jsonb("metrics").$type<Record<string, number>>().notNull(),
    /** Co-occurrence neighbours, per-card Beta counts, topic associations: what serving reads. */
    artifact: jsonb("artifact").$type<Record<string, unknown>>().notNull(),
    trigger: text("trigger", { enum: ["schedule", "manual", "boot"] }).notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("recommender_models_org_version_key").on(t.scope, t.orgId, t.version),
    index("recommender_models_org_time_idx").on(t.orgId, t.createdAt),
  ],
);

/**
 * One row per card shown in a suggestion list: its id is the "recommendation" a person gives
 * feedback on, and the rows together are the exposure log for novelty and experiments.
 */
export const recommendations = pgTable(
  "recommendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The list this card was shown in; one list is one exposure. */
    listId: uuid("list_id").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    participantId: uuid("participant_id"),
    sessionId: uuid("session_id"),
    kind: text("kind", { enum: ["card", "journey"] }).notNull(),
    itemId: uuid("item_id").notNull(),
    rank: integer("rank").notNull(),
    score: real("score").notNull(),
    reason: text("reason").notNull(),
    topic: text("topic"),
    modelName: text("model_name").notNull(),
    modelVersion: text("model_version").notNull(),
    experimentId: uuid("experiment_id"),
    arm: text("arm"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("recommendations_viewer_idx").on(t.orgId, t.userId, t.createdAt),
    index("recommendations_participant_idx").on(t.participantId, t.createdAt),
    index("recommendations_list_idx").on(t.listId),
  ],
);

/** An A/B test between two (or more) arms of one target: recommender parameter sets or coach strategies. */
export const experiments = pgTable(
  "experiments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    target: text("target", { enum: ["recommender", "coach"] }).notNull(),
    /** [{key, weight, config}]: config is free-form per target (recommender params, coach strategy). */
    arms: jsonb("arms").$type<{ key: string; weight: number; config: Record<string, unknown> }[]>().notNull(),
    /** Exposures per arm below which the page says "not enough data yet". */
    minExposures: integer("min_exposures").notNull().default(30),
    status: text("status", { enum: ["running", "stopped"] }).notNull().default("running"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: ts("started_at").notNull().defaultNow(),
    stoppedAt: ts("stopped_at"),
  },
  (t) => [index("experiments_org_idx").on(t.orgId, t.status)],
);

/** Exposures and outcomes per arm; a rate is outcomes over exposures. */
export const experimentEvents = pgTable(
  "experiment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    arm: text("arm").notNull(),
    /** Who was assigned: a user id or a session guest's participant id. */
    unitId: text("unit_id").notNull(),
    kind: text("kind", { enum: ["exposure", "outcome"] }).notNull(),
    /** The exposure an outcome belongs to (a suggestion list, a coach turn); one success per exposure. */
    exposureId: uuid("exposure_id").notNull(),
    signal: text("signal"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("experiment_events_experiment_idx").on(t.experimentId, t.kind, t.arm), uniqueIndex("experiment_events_once_key").on(t.experimentId, t.kind, t.exposureId)],
);
