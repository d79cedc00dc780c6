CREATE TABLE "analytics_versions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_versions" ADD CONSTRAINT "analytics_versions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- The same recount as before, now also bumping the organisation's version.
CREATE OR REPLACE FUNCTION analytics_rollup_day(p_org uuid, p_day text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  all_facilitators constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('analytics_rollup_day'), hashtext(p_org::text || p_day));
  -- An organisation being deleted has nothing left to count or version.
  INSERT INTO analytics_versions (org_id, version) SELECT p_org, 1 WHERE EXISTS (SELECT 1 FROM orgs WHERE id = p_org)
    ON CONFLICT (org_id) DO UPDATE SET version = analytics_versions.version % 2000000000 + 1;
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
INSERT INTO analytics_versions (org_id, version) SELECT DISTINCT org_id, 1 FROM analytics_daily ON CONFLICT (org_id) DO NOTHING;
