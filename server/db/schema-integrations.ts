import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgs, users } from "./schema-core";
import { sessions } from "./schema-sessions";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** An organisation's Zoom app (Server-to-Server OAuth). Secrets are sealed with the organisation id as context. */
export const zoomConnections = pgTable("zoom_connections", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  accountId: text("account_id").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretSealed: text("client_secret_sealed").notNull(),
  webhookSecretSealed: text("webhook_secret_sealed").notNull(),
  sdkKey: text("sdk_key"),
  sdkSecretSealed: text("sdk_secret_sealed"),
  connectedBy: uuid("connected_by").references(() => users.id, { onDelete: "set null" }),
  connectedAt: ts("connected_at").notNull().defaultNow(),
});

/** The Zoom meeting created for a session; one per session. */
export const zoomMeetings = pgTable(
  "zoom_meetings",
  {
    sessionId: uuid("session_id")
      .primaryKey()
      .references(() => sessions.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    meetingId: text("meeting_id").notNull(),
    joinUrl: text("join_url").notNull(),
    /** Starts the meeting as its host: it is a credential, so it is sealed too. */
    startUrlSealed: text("start_url_sealed").notNull(),
    password: text("password"),
    agenda: text("agenda").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("zoom_meetings_org_meeting_idx").on(t.orgId, t.meetingId)],
);

/** Meeting events Zoom told us about (verified webhooks), kept for the session record. */
export const zoomEvents = pgTable(
  "zoom_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    meetingId: text("meeting_id").notNull(),
    event: text("event").notNull(),
    participantName: text("participant_name"),
    at: ts("at").notNull(),
    /** Zoom retries deliveries; the same event is stored once. */
    dedupeKey: text("dedupe_key").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("zoom_events_dedupe_idx").on(t.orgId, t.dedupeKey), index("zoom_events_session_idx").on(t.sessionId, t.at)],
);
