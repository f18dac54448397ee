-- Every write of a logbook entry is copied into its history, by the database: no writer can skip it.
CREATE FUNCTION logbook_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO logbook_history (booking_id, purpose, destination, person_visited, changed_by, changed_at)
  VALUES (NEW.booking_id, NEW.purpose, NEW.destination, NEW.person_visited, NEW.changed_by, NEW.changed_at);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER logbook_entries_history AFTER INSERT OR UPDATE ON logbook_entries
  FOR EACH ROW EXECUTE FUNCTION logbook_keep_history();
--> statement-breakpoint
-- The history is append-only: a version once written is never changed. It is removed only by a
-- transaction that says so (SET LOCAL parthelandmobil.logbook_purge = 'on'): the end of the
-- 10 years' keeping, and the end-to-end tests' removal of their own data.
CREATE FUNCTION logbook_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('parthelandmobil.logbook_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'logbook_history is append-only' USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE TRIGGER logbook_history_immutable BEFORE UPDATE OR DELETE ON logbook_history
  FOR EACH ROW EXECUTE FUNCTION logbook_history_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_history_no_truncate BEFORE TRUNCATE ON logbook_history
  FOR EACH STATEMENT EXECUTE FUNCTION logbook_history_append_only();
--> statement-breakpoint
-- An entry is the logbook itself: it is replaced by a newer version, never removed.
CREATE TRIGGER logbook_entries_no_delete BEFORE DELETE ON logbook_entries
  FOR EACH ROW EXECUTE FUNCTION logbook_history_append_only();
