CREATE TABLE "analytics_daily_cards" (
	"org_id" uuid NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"day" text NOT NULL,
	"journey_key" text NOT NULL,
	"card_id" uuid NOT NULL,
	"dealt" integer NOT NULL,
	"chosen" integer NOT NULL,
	"swapped" integer NOT NULL,
	CONSTRAINT "analytics_daily_cards_org_id_facilitator_id_day_journey_key_card_id_pk" PRIMARY KEY("org_id","facilitator_id","day","journey_key","card_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_people" (
	"org_id" uuid NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"day" text NOT NULL,
	"journey_key" text NOT NULL,
	"person_id" uuid NOT NULL,
	"sessions" integer NOT NULL,
	"commitments" integer NOT NULL,
	"followed_up" integer NOT NULL,
	"done" integer NOT NULL,
	CONSTRAINT "analytics_daily_people_org_id_facilitator_id_day_journey_key_person_id_pk" PRIMARY KEY("org_id","facilitator_id","day","journey_key","person_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_daily_cards" ADD CONSTRAINT "analytics_daily_cards_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_daily_people" ADD CONSTRAINT "analytics_daily_people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recounts every daily rollup of one organisation's day from its sessions' facts and the
-- commitments made in them. Idempotent, and serialised per day by an advisory lock, so
-- sessions ending together on several nodes agree. The same SQL fills the rollups at boot
-- (below), when a session's facts change and when a commitment changes.
CREATE OR REPLACE FUNCTION analytics_rollup_day(p_org uuid, p_day text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  all_facilitators constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('analytics_rollup_day'), hashtext(p_org::text || p_day));
  DELETE FROM analytics_daily WHERE org_id = p_org AND day = p_day;
  DELETE FROM analytics_daily_people WHERE org_id = p_org AND day = p_day;
  DELETE FROM analytics_daily_cards WHERE org_id = p_org AND day = p_day;

  INSERT INTO analytics_daily (org_id, facilitator_id, journey_key, day, sessions, participants, reflections, chat_messages, commitments, duration_seconds)
  SELECT f.org_id, fac, coalesce(f.journey_id::text, ''), f.day, count(*)::int, sum(f.participants)::int, sum(f.reflections)::int,
         sum(f.chat_messages)::int, sum(f.commitments)::int, sum(f.duration_seconds)::int
  FROM analytics_session_facts f, unnest(f.facilitator_ids || all_facilitators) AS fac
  WHERE f.org_id = p_org AND f.day = p_day
  GROUP BY f.org_id, fac, coalesce(f.journey_id::text, ''), f.day;

  INSERT INTO analytics_daily_people (org_id, facilitator_id, day, journey_key, person_id, sessions, commitments, followed_up, done)
  SELECT org_id, fac, day, journey_key, person_id, sum(sessions)::int, sum(commitments)::int, sum(followed_up)::int, sum(done)::int
  FROM (
    SELECT f.org_id, fac, f.day, coalesce(f.journey_id::text, '') AS journey_key, coalesce(sp.user_id, p.participant_id) AS person_id,
           count(DISTINCT p.session_id) AS sessions, 0 AS commitments, 0 AS followed_up, 0 AS done
    FROM analytics_session_people p
    JOIN analytics_session_facts f ON f.session_id = p.session_id
    LEFT JOIN session_participants sp ON sp.id = p.participant_id
    CROSS JOIN LATERAL unnest(f.facilitator_ids || all_facilitators) AS fac
    WHERE f.org_id = p_org AND f.day = p_day
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    -- A commitment that names nobody counts as its own maker.
    SELECT f.org_id, fac, f.day, coalesce(f.journey_id::text, ''), coalesce(cm.user_id, cm.participant_id, cm.id),
           0, count(*), count(*) FILTER (WHERE cm.status <> 'open' OR jsonb_array_length(cm.follow_ups) > 0), count(*) FILTER (WHERE cm.status = 'done')
    FROM commitments cm
    JOIN analytics_session_facts f ON f.session_id = cm.session_id
    CROSS JOIN LATERAL unnest(f.facilitator_ids || all_facilitators) AS fac
    WHERE f.org_id = p_org AND f.day = p_day
    GROUP BY 1, 2, 3, 4, 5
  ) x
  GROUP BY org_id, fac, day, journey_key, person_id;

  INSERT INTO analytics_daily_cards (org_id, facilitator_id, day, journey_key, card_id, dealt, chosen, swapped)
  SELECT f.org_id, fac, f.day, coalesce(f.journey_id::text, ''), c.card_id, sum(c.dealt)::int, sum(c.chosen)::int, sum(c.swapped)::int
  FROM analytics_session_cards c
  JOIN analytics_session_facts f ON f.session_id = c.session_id
  CROSS JOIN LATERAL unnest(f.facilitator_ids || all_facilitators) AS fac
  WHERE f.org_id = p_org AND f.day = p_day
  GROUP BY 1, 2, 3, 4, 5;
END $$;
--> statement-breakpoint
-- Facts are written with their people, cards and reflections in one transaction, so the day is
-- recounted at commit (a deferred trigger), when all of them are there. A rewrite that moves a
-- session to another day recounts both days.
CREATE OR REPLACE FUNCTION analytics_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM analytics_rollup_day(OLD.org_id, OLD.day); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.day IS DISTINCT FROM NEW.day) THEN
    PERFORM analytics_rollup_day(NEW.org_id, NEW.day);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER analytics_facts_rollup AFTER INSERT OR UPDATE OR DELETE ON analytics_session_facts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_facts_changed();
--> statement-breakpoint
-- A commitment followed up after its session ended changes that session's day.
CREATE OR REPLACE FUNCTION analytics_commitment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  FOR d IN
    SELECT DISTINCT f.org_id, f.day FROM analytics_session_facts f
    WHERE (TG_OP <> 'INSERT' AND f.session_id = OLD.session_id) OR (TG_OP <> 'DELETE' AND f.session_id = NEW.session_id)
  LOOP
    PERFORM analytics_rollup_day(d.org_id, d.day);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_commitments_rollup_write AFTER INSERT OR DELETE ON commitments
  FOR EACH ROW EXECUTE FUNCTION analytics_commitment_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_commitments_rollup_change AFTER UPDATE ON commitments
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.follow_ups IS DISTINCT FROM NEW.follow_ups OR OLD.session_id IS DISTINCT FROM NEW.session_id
    OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.participant_id IS DISTINCT FROM NEW.participant_id)
  EXECUTE FUNCTION analytics_commitment_changed();
--> statement-breakpoint
-- Days counted before this migration get every rollup now.
SELECT analytics_rollup_day(org_id, day) FROM (SELECT DISTINCT org_id, day FROM analytics_session_facts) d;
