-- A guest seat kept in an account later (the journal's claim) becomes that person in the
-- people counts, so the days of its ended session are recounted.
CREATE OR REPLACE FUNCTION analytics_seat_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  FOR d IN SELECT f.org_id, f.day FROM analytics_session_facts f WHERE f.session_id = NEW.session_id LOOP
    PERFORM analytics_rollup_day(d.org_id, d.day);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_seat_claimed AFTER UPDATE OF user_id ON session_participants
  FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id) EXECUTE FUNCTION analytics_seat_changed();
