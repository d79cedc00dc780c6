CREATE TABLE "analytics_daily" (
	"org_id" uuid NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"journey_key" text NOT NULL,
	"day" text NOT NULL,
	"sessions" integer NOT NULL,
	"participants" integer NOT NULL,
	"reflections" integer NOT NULL,
	"chat_messages" integer NOT NULL,
	"commitments" integer NOT NULL,
	"duration_seconds" integer NOT NULL,
	CONSTRAINT "analytics_daily_org_id_facilitator_id_journey_key_day_pk" PRIMARY KEY("org_id","facilitator_id","journey_key","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_reflections" (
	"session_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"org_id" uuid NOT NULL,
	"day" text NOT NULL,
	"text" text NOT NULL,
	"embedding" real[] NOT NULL,
	CONSTRAINT "analytics_reflections_session_id_source_id_pk" PRIMARY KEY("session_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_session_cards" (
	"session_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"dealt" integer NOT NULL,
	"chosen" integer NOT NULL,
	"swapped" integer NOT NULL,
	CONSTRAINT "analytics_session_cards_session_id_card_id_pk" PRIMARY KEY("session_id","card_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_session_facts" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"journey_id" uuid,
	"facilitator_ids" uuid[] NOT NULL,
	"title" text NOT NULL,
	"day" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"participants" integer NOT NULL,
	"reflections" integer NOT NULL,
	"chat_messages" integer NOT NULL,
	"hand_raises" integer NOT NULL,
	"cards_dealt" integer NOT NULL,
	"cards_chosen" integer NOT NULL,
	"cards_swapped" integer NOT NULL,
	"commitments" integer NOT NULL,
	"valence" real,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_session_people" (
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"day" text NOT NULL,
	"reflections" integer NOT NULL,
	"chat_messages" integer NOT NULL,
	"valence" real,
	CONSTRAINT "analytics_session_people_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD CONSTRAINT "analytics_daily_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_reflections" ADD CONSTRAINT "analytics_reflections_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_session_cards" ADD CONSTRAINT "analytics_session_cards_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_session_facts" ADD CONSTRAINT "analytics_session_facts_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_session_facts" ADD CONSTRAINT "analytics_session_facts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_session_people" ADD CONSTRAINT "analytics_session_people_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_reflections_org_day_idx" ON "analytics_reflections" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "analytics_cards_org_idx" ON "analytics_session_cards" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "analytics_facts_org_day_idx" ON "analytics_session_facts" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "analytics_facts_facilitators_idx" ON "analytics_session_facts" USING gin ("facilitator_ids");--> statement-breakpoint
CREATE INDEX "analytics_people_participant_idx" ON "analytics_session_people" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "analytics_people_org_day_idx" ON "analytics_session_people" USING btree ("org_id","day");