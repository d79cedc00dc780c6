import { index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgs } from "./schema-core";
import { sessions } from "./schema-sessions";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per ended session, written once when it ends, so dashboards never replay event logs.
 * `facilitatorIds` holds the user ids of everyone who ran it (co-facilitators included).
 */
export const analyticsSessionFacts = pgTable(
  "analytics_session_facts",
  {
    sessionId: uuid("session_id")
      .primaryKey()
      .references(() => sessions.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    journeyId: uuid("journey_id"),
    facilitatorIds: uuid("facilitator_ids").array().notNull(),
    title: text("title").notNull(),
    day: text("day").notNull(),
    startedAt: ts("started_at").notNull(),
    durationSeconds: integer("duration_seconds").notNull(),
    participants: integer("participants").notNull(),
    reflections: integer("reflections").notNull(),
    chatMessages: integer("chat_messages").notNull(),
    handRaises: integer("hand_raises").notNull(),
    cardsDealt: integer("cards_dealt").notNull(),
    cardsChosen: integer("cards_chosen").notNull(),
    cardsSwapped: integer("cards_swapped").notNull(),
    commitments: integer("commitments").notNull(),
    /** Mean valence of shared reflections and chat; null when nothing was shared. */
    valence: real("valence"),
    computedAt: ts("computed_at").notNull().defaultNow(),
  },
  (t) => [index("analytics_facts_org_day_idx").on(t.orgId, t.day), index("analytics_facts_facilitators_idx").using("gin", t.facilitatorIds)],
);

/** Who took part in an ended session, for participant counts, returning people and personal trends. */
export const analyticsSessionPeople = pgTable(
  "analytics_session_people",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull(),
    orgId: uuid("org_id").notNull(),
    day: text("day").notNull(),
    reflections: integer("reflections").notNull(),
    chatMessages: integer("chat_messages").notNull(),
    valence: real("valence"),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.participantId] }), index("analytics_people_participant_idx").on(t.participantId), index("analytics_people_org_day_idx").on(t.orgId, t.day)],
);

/** Per card, what happened to it in an ended session. */
export const analyticsSessionCards = pgTable(
  "analytics_session_cards",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    cardId: uuid("card_id").notNull(),
    orgId: uuid("org_id").notNull(),
    dealt: integer("dealt").notNull(),
    chosen: integer("chosen").notNull(),
    swapped: integer("swapped").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.cardId] }), index("analytics_cards_org_idx").on(t.orgId)],
);

/** Shared reflections with their sentence embeddings, kept for clustering themes across sessions. */
export const analyticsReflections = pgTable(
  "analytics_reflections",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    sourceId: text("source_id").notNull(),
    orgId: uuid("org_id").notNull(),
    day: text("day").notNull(),
    text: text("text").notNull(),
    embedding: real("embedding").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.sourceId] }), index("analytics_reflections_org_day_idx").on(t.orgId, t.day)],
);

/**
 * Daily rollups, per day and scope: the whole organisation (facilitatorId = ALL_FACILITATORS)
 * and each facilitator, per journey ("" when none). The database keeps them: the SQL function
 * `analytics_rollup_day(org, day)` recounts one day of one organisation, and triggers call it
 * when a session's facts are written, rewritten or removed (at commit) and when a commitment of
 * an ended session changes. Dashboards read these instead of the per-session facts.
 */
export const analyticsDaily = pgTable(
  "analytics_daily",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    facilitatorId: uuid("facilitator_id").notNull(),
    journeyKey: text("journey_key").notNull(),
    day: text("day").notNull(),
    sessions: integer("sessions").notNull(),
    participants: integer("participants").notNull(),
    reflections: integer("reflections").notNull(),
    chatMessages: integer("chat_messages").notNull(),
    commitments: integer("commitments").notNull(),
    durationSeconds: integer("duration_seconds").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.facilitatorId, t.journeyKey, t.day] })],
);

/**
 * Per day, scope and person: sessions attended (the account when known, else the seat) and
 * commitments made, followed up and done (keyed as the commitment records its maker). Distinct
 * people over a range are the distinct `person_id`s; returning people have more than one session.
 */
export const analyticsDailyPeople = pgTable(
  "analytics_daily_people",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    facilitatorId: uuid("facilitator_id").notNull(),
    day: text("day").notNull(),
    journeyKey: text("journey_key").notNull(),
    personId: uuid("person_id").notNull(),
    sessions: integer("sessions").notNull(),
    commitments: integer("commitments").notNull(),
    followedUp: integer("followed_up").notNull(),
    done: integer("done").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.facilitatorId, t.day, t.journeyKey, t.personId] })],
);

/** Per day, scope and card: how often it was dealt, chosen and swapped. */
export const analyticsDailyCards = pgTable(
  "analytics_daily_cards",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    facilitatorId: uuid("facilitator_id").notNull(),
    day: text("day").notNull(),
    journeyKey: text("journey_key").notNull(),
    cardId: uuid("card_id").notNull(),
    dealt: integer("dealt").notNull(),
    chosen: integer("chosen").notNull(),
    swapped: integer("swapped").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.facilitatorId, t.day, t.journeyKey, t.cardId] })],
);

/**
 * Bumped by every recount of an organisation's rollups (a session's facts written or removed,
 * a commitment of an ended session changed): dashboards keep an answer while it stays the same.
 */
export const analyticsVersions = pgTable("analytics_versions", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
});
