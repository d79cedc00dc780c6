CREATE TABLE "experiment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"arm" text NOT NULL,
	"unit_id" text NOT NULL,
	"kind" text NOT NULL,
	"exposure_id" uuid NOT NULL,
	"signal" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"target" text NOT NULL,
	"arms" jsonb NOT NULL,
	"min_exposures" integer DEFAULT 30 NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"created_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"participant_id" uuid,
	"session_id" uuid,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" real NOT NULL,
	"reason" text NOT NULL,
	"topic" text,
	"model_name" text NOT NULL,
	"model_version" text NOT NULL,
	"experiment_id" uuid,
	"arm" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommender_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"scope" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"params" jsonb NOT NULL,
	"trained_from" timestamp with time zone,
	"trained_to" timestamp with time zone NOT NULL,
	"event_count" integer NOT NULL,
	"metrics" jsonb NOT NULL,
	"artifact" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experiment_events" ADD CONSTRAINT "experiment_events_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommender_models" ADD CONSTRAINT "recommender_models_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_events_experiment_idx" ON "experiment_events" USING btree ("experiment_id","kind","arm");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_events_once_key" ON "experiment_events" USING btree ("experiment_id","kind","exposure_id");--> statement-breakpoint
CREATE INDEX "experiments_org_idx" ON "experiments" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "recommendations_viewer_idx" ON "recommendations" USING btree ("org_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendations_participant_idx" ON "recommendations" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendations_list_idx" ON "recommendations" USING btree ("list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommender_models_org_version_key" ON "recommender_models" USING btree ("scope","org_id","version");--> statement-breakpoint
CREATE INDEX "recommender_models_org_time_idx" ON "recommender_models" USING btree ("org_id","created_at");