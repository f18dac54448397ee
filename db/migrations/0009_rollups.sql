CREATE TABLE "rollup_zone" (
	"only" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"zone" text,
	"stale" boolean DEFAULT false NOT NULL,
	CONSTRAINT "rollup_zone_single_row" CHECK ("rollup_zone"."only")
);
--> statement-breakpoint
CREATE TABLE "vehicle_day_figures" (
	"vehicle_id" uuid NOT NULL,
	"day" date NOT NULL,
	"held_seconds" numeric DEFAULT 0 NOT NULL,
	"blocked_seconds" numeric DEFAULT 0 NOT NULL,
	"ignition_seconds" numeric DEFAULT 0 NOT NULL,
	"km" numeric DEFAULT 0 NOT NULL,
	"energy_kwh" numeric DEFAULT 0 NOT NULL,
	"charged_kwh" numeric DEFAULT 0 NOT NULL,
	"fuel_litres" numeric DEFAULT 0 NOT NULL,
	"trips" integer DEFAULT 0 NOT NULL,
	"bookings" integer DEFAULT 0 NOT NULL,
	"no_shows" integer DEFAULT 0 NOT NULL,
	"cancellations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vehicle_day_figures_vehicle_id_day_pk" PRIMARY KEY("vehicle_id","day")
);
--> statement-breakpoint
ALTER TABLE "vehicle_day_figures" ADD CONSTRAINT "vehicle_day_figures_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vehicle_day_figures_day_idx" ON "vehicle_day_figures" USING btree ("day");--> statement-breakpoint
INSERT INTO "rollup_zone" ("only", "zone") VALUES (true, NULL);
--> statement-breakpoint
-- What the roll-ups' day windows read besides the primary keys: a car's bookings and blocks over
-- a span, a span's trips by start and ignition intervals by overlap.
CREATE INDEX "bookings_vehicle_period_idx" ON "bookings" USING gist ("vehicle_id", "period");
--> statement-breakpoint
CREATE INDEX "vehicle_blocks_vehicle_period_idx" ON "vehicle_blocks" USING gist ("vehicle_id", "period");
--> statement-breakpoint
CREATE INDEX "trips_started_idx" ON "trips" USING btree ("started_at");
--> statement-breakpoint
CREATE INDEX "trip_ignitions_period_idx" ON "trip_ignitions" USING gist ("period");
--> statement-breakpoint
-- The local day `d` of `zone` as an instant range (23, 24 or 25 hours).
CREATE FUNCTION rollup_day_range(zone text, d date) RETURNS tstzrange LANGUAGE sql STABLE
  RETURN tstzrange(d::timestamp AT TIME ZONE zone, (d + 1)::timestamp AT TIME ZONE zone, '[)');
--> statement-breakpoint
-- The local days a non-empty range touches.
CREATE FUNCTION rollup_days(zone text, r tstzrange) RETURNS SETOF date LANGUAGE sql STABLE AS $$
  SELECT d::date FROM generate_series((lower(r) AT TIME ZONE zone)::date,
    ((upper(r) - interval '1 microsecond') AT TIME ZONE zone)::date, interval '1 day') AS d
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_seconds(r tstzrange) RETURNS numeric LANGUAGE sql IMMUTABLE
  RETURN coalesce(extract(epoch FROM upper(r) - lower(r)), 0);
--> statement-breakpoint
-- The roll-up rows of the cars `vs` (null: all) on the local days lo..hi (null: all time), from
-- the raw rows alone: the one definition the triggers and the rebuild share.
CREATE FUNCTION rollups_compute(zone text, vs uuid[], lo date, hi date)
RETURNS TABLE (vehicle_id uuid, day date, held_seconds numeric, blocked_seconds numeric,
  ignition_seconds numeric, km numeric, energy_kwh numeric, charged_kwh numeric, fuel_litres numeric,
  trips integer, bookings integer, no_shows integer, cancellations integer)
LANGUAGE sql STABLE AS $$
  WITH w AS (
    SELECT CASE WHEN lo IS NULL THEN '(,)'::tstzrange
      ELSE tstzrange(lo::timestamp AT TIME ZONE zone, (hi + 1)::timestamp AT TIME ZONE zone, '[)') END AS r
  ),
  held AS (
    SELECT b.vehicle_id, d.day, sum(rollup_seconds(b.period * rollup_day_range(zone, d.day))) AS s
    FROM bookings b CROSS JOIN w CROSS JOIN LATERAL rollup_days(zone, b.period * w.r) AS d(day)
    WHERE b.status <> 'cancelled' AND b.period && w.r AND (vs IS NULL OR b.vehicle_id = ANY (vs))
    GROUP BY 1, 2
  ),
  blocked AS (
    SELECT k.vehicle_id, d.day, sum(rollup_seconds(k.period * rollup_day_range(zone, d.day))) AS s
    FROM vehicle_blocks k CROSS JOIN w CROSS JOIN LATERAL rollup_days(zone, k.period * w.r) AS d(day)
    WHERE k.cancelled_at IS NULL AND k.period && w.r AND (vs IS NULL OR k.vehicle_id = ANY (vs))
    GROUP BY 1, 2
  ),
  ignition AS (
    SELECT b.vehicle_id, d.day, sum(rollup_seconds(i.period * rollup_day_range(zone, d.day))) AS s
    FROM trip_ignitions i JOIN trips t ON t.id = i.trip_id JOIN bookings b ON b.id = t.booking_id
    CROSS JOIN w CROSS JOIN LATERAL rollup_days(zone, i.period * w.r) AS d(day)
    WHERE i.period && w.r AND (vs IS NULL OR b.vehicle_id = ANY (vs))
    GROUP BY 1, 2
  ),
  driven AS (
    SELECT b.vehicle_id, (t.started_at AT TIME ZONE zone)::date AS day,
      sum((t.odometer_end - t.odometer_start) / 10.0) AS km, coalesce(sum(t.energy_kwh), 0) AS energy,
      coalesce(sum(t.charged_kwh), 0) AS charged, coalesce(sum(t.fuel_litres), 0) AS fuel
    FROM trips t JOIN bookings b ON b.id = t.booking_id CROSS JOIN w
    WHERE t.started_at <@ w.r AND (vs IS NULL OR b.vehicle_id = ANY (vs))
    GROUP BY 1, 2
  ),
  counted AS (
    SELECT b.vehicle_id, (b.starts_at AT TIME ZONE zone)::date AS day, count(*)::int AS bookings,
      count(t.id)::int AS trips, (count(*) FILTER (WHERE b.status = 'no_show'))::int AS no_shows,
      (count(*) FILTER (WHERE b.status = 'cancelled'))::int AS cancellations
    FROM bookings b LEFT JOIN trips t ON t.booking_id = b.id CROSS JOIN w
    WHERE b.starts_at <@ w.r AND (vs IS NULL OR b.vehicle_id = ANY (vs))
    GROUP BY 1, 2
  ),
  keys AS (
    SELECT held.vehicle_id, held.day FROM held UNION SELECT blocked.vehicle_id, blocked.day FROM blocked
    UNION SELECT ignition.vehicle_id, ignition.day FROM ignition UNION SELECT driven.vehicle_id, driven.day FROM driven
    UNION SELECT counted.vehicle_id, counted.day FROM counted
  )
  SELECT k.vehicle_id, k.day, coalesce(h.s, 0), coalesce(bl.s, 0), coalesce(ig.s, 0),
    coalesce(dr.km, 0), coalesce(dr.energy, 0), coalesce(dr.charged, 0), coalesce(dr.fuel, 0),
    coalesce(c.trips, 0), coalesce(c.bookings, 0), coalesce(c.no_shows, 0), coalesce(c.cancellations, 0)
  FROM keys k
  LEFT JOIN held h ON h.vehicle_id = k.vehicle_id AND h.day = k.day
  LEFT JOIN blocked bl ON bl.vehicle_id = k.vehicle_id AND bl.day = k.day
  LEFT JOIN ignition ig ON ig.vehicle_id = k.vehicle_id AND ig.day = k.day
  LEFT JOIN driven dr ON dr.vehicle_id = k.vehicle_id AND dr.day = k.day
  LEFT JOIN counted c ON c.vehicle_id = k.vehicle_id AND c.day = k.day
$$;
--> statement-breakpoint
-- Recomputes the rows of cars `vs` on days lo..hi of zone z. The per-car lock is taken before the
-- recomputation, so under READ COMMITTED its statements see whatever the previous holder
-- committed: of two transactions on the same car-day, the later one recomputes with both.
CREATE FUNCTION rollups_refresh(z text, vs uuid[], lo date, hi date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE cars uuid[];
BEGIN
  IF lo IS NULL OR vs IS NULL THEN RETURN; END IF;
  -- A car being deleted (its blocks go by cascade) keeps no rows.
  SELECT array_agg(v.id ORDER BY v.id) INTO cars FROM vehicles v WHERE v.id = ANY (vs);
  IF cars IS NULL THEN RETURN; END IF;
  -- In one order, so two writers on the same cars cannot deadlock here.
  PERFORM lock_vehicle_schedule(c) FROM unnest(cars) WITH ORDINALITY AS u(c, n) ORDER BY n;
  DELETE FROM vehicle_day_figures f WHERE f.vehicle_id = ANY (cars) AND f.day BETWEEN lo AND hi;
  INSERT INTO vehicle_day_figures SELECT * FROM rollups_compute(z, cars, lo, hi);
END $$;
--> statement-breakpoint
-- Every roll-up from scratch (bench loads, a zone change).
CREATE FUNCTION rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE z text;
BEGIN
  SELECT zone INTO z FROM rollup_zone FOR UPDATE;
  TRUNCATE vehicle_day_figures;
  IF z IS NOT NULL THEN
    INSERT INTO vehicle_day_figures SELECT * FROM rollups_compute(z, NULL, NULL, NULL);
  END IF;
  UPDATE rollup_zone SET stale = false;
END $$;
--> statement-breakpoint
-- Cuts roll-ups by `zone` from now on; a different zone than before rebuilds them all.
CREATE FUNCTION rollups_set_zone(new_zone text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  PERFORM now() AT TIME ZONE new_zone; -- an unknown zone fails here, before anything changes
  UPDATE rollup_zone SET zone = new_zone WHERE zone IS DISTINCT FROM new_zone;
  IF NOT FOUND THEN RETURN false; END IF;
  PERFORM rollups_rebuild();
  RETURN true;
END $$;
--> statement-breakpoint
-- The zone for a writer's trigger, read FOR SHARE: a zone change (which rebuilds) waits for the
-- writers in flight, and writers after it wait for it and then cut by the new zone.
-- A bulk load may `set local rollups.defer = on`: its statements then only mark the roll-ups
-- stale, and the next report (or rollups_rebuild) recuts them once instead of per statement.
CREATE FUNCTION rollup_zone_for_writer() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE z text;
BEGIN
  IF current_setting('rollups.defer', true) = 'on' THEN
    UPDATE rollup_zone SET stale = true WHERE NOT stale;
    RETURN NULL;
  END IF;
  SELECT zone INTO z FROM rollup_zone FOR SHARE;
  RETURN z;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_day(zone text, at timestamptz) RETURNS date LANGUAGE sql STABLE
  RETURN (at AT TIME ZONE zone)::date;
--> statement-breakpoint
-- The cars and days changed bookings touch: their periods, and the days of their trips and
-- ignition intervals (which follow the booking's car). A day too many is harmless: it is
-- recomputed to what it was.
CREATE FUNCTION rollup_span_of_bookings(z text, changed bookings[], OUT vs uuid[], OUT lo date, OUT hi date)
LANGUAGE sql STABLE AS $$
  WITH r AS (SELECT * FROM unnest(changed)),
  d AS (
    SELECT r.vehicle_id AS v, rollup_day(z, r.starts_at) AS lo, rollup_day(z, r.ends_at) AS hi FROM r
    UNION ALL
    SELECT r.vehicle_id, rollup_day(z, t.started_at), rollup_day(z, t.started_at)
    FROM r JOIN trips t ON t.booking_id = r.id
    UNION ALL
    SELECT r.vehicle_id, rollup_day(z, i.on_at), rollup_day(z, i.off_at)
    FROM r JOIN trips t ON t.booking_id = r.id JOIN trip_ignitions i ON i.trip_id = t.id
  )
  SELECT array_agg(DISTINCT v), min(d.lo), max(d.hi) FROM d
$$;
--> statement-breakpoint
-- A trip counts on its start day (km, energy), its booking's start day (trips) and its ignition days.
CREATE FUNCTION rollup_span_of_trips(z text, changed trips[], OUT vs uuid[], OUT lo date, OUT hi date)
LANGUAGE sql STABLE AS $$
  WITH r AS (SELECT * FROM unnest(changed)),
  d AS (
    SELECT b.vehicle_id AS v, least(rollup_day(z, r.started_at), rollup_day(z, b.starts_at)) AS lo,
      greatest(rollup_day(z, r.started_at), rollup_day(z, b.starts_at)) AS hi
    FROM r JOIN bookings b ON b.id = r.booking_id
    UNION ALL
    SELECT b.vehicle_id, rollup_day(z, i.on_at), rollup_day(z, i.off_at)
    FROM r JOIN bookings b ON b.id = r.booking_id JOIN trip_ignitions i ON i.trip_id = r.id
  )
  SELECT array_agg(DISTINCT v), min(d.lo), max(d.hi) FROM d
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_span_of_ignitions(z text, changed trip_ignitions[], OUT vs uuid[], OUT lo date, OUT hi date)
LANGUAGE sql STABLE AS $$
  SELECT array_agg(DISTINCT b.vehicle_id), min(rollup_day(z, r.on_at)), max(rollup_day(z, r.off_at))
  FROM unnest(changed) r JOIN trips t ON t.id = r.trip_id JOIN bookings b ON b.id = t.booking_id
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_span_of_blocks(z text, changed vehicle_blocks[], OUT vs uuid[], OUT lo date, OUT hi date)
LANGUAGE sql STABLE AS $$
  SELECT array_agg(DISTINCT r.vehicle_id), min(rollup_day(z, r.starts_at)), max(rollup_day(z, r.ends_at))
  FROM unnest(changed) r
$$;
--> statement-breakpoint
-- Statement-level: a bulk write recomputes its span once. An update counts only where a column
-- the roll-ups read changed (reminders, sequence numbers and the like recompute nothing).
CREATE FUNCTION rollups_after_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE z text := rollup_zone_for_writer(); changed bookings[];
BEGIN
  IF z IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN SELECT array_agg(n) INTO changed FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(o) INTO changed FROM old_rows o;
  ELSE
    SELECT array_agg(o) || array_agg(n) INTO changed FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.vehicle_id, o.starts_at, o.ends_at, o.status) IS DISTINCT FROM (n.vehicle_id, n.starts_at, n.ends_at, n.status);
  END IF;
  PERFORM rollups_refresh(z, s.vs, s.lo, s.hi) FROM rollup_span_of_bookings(z, changed) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollups_after_trips() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE z text := rollup_zone_for_writer(); changed trips[];
BEGIN
  IF z IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN SELECT array_agg(n) INTO changed FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(o) INTO changed FROM old_rows o;
  ELSE
    SELECT array_agg(o) || array_agg(n) INTO changed FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.booking_id, o.started_at, o.odometer_start, o.odometer_end, o.energy_kwh, o.charged_kwh, o.fuel_litres)
      IS DISTINCT FROM (n.booking_id, n.started_at, n.odometer_start, n.odometer_end, n.energy_kwh, n.charged_kwh, n.fuel_litres);
  END IF;
  PERFORM rollups_refresh(z, s.vs, s.lo, s.hi) FROM rollup_span_of_trips(z, changed) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollups_after_ignitions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE z text := rollup_zone_for_writer(); changed trip_ignitions[];
BEGIN
  IF z IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN SELECT array_agg(n) INTO changed FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(o) INTO changed FROM old_rows o;
  ELSE
    SELECT array_agg(o) || array_agg(n) INTO changed FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.trip_id, o.on_at, o.off_at) IS DISTINCT FROM (n.trip_id, n.on_at, n.off_at);
  END IF;
  PERFORM rollups_refresh(z, s.vs, s.lo, s.hi) FROM rollup_span_of_ignitions(z, changed) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollups_after_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE z text := rollup_zone_for_writer(); changed vehicle_blocks[];
BEGIN
  IF z IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN SELECT array_agg(n) INTO changed FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(o) INTO changed FROM old_rows o;
  ELSE
    SELECT array_agg(o) || array_agg(n) INTO changed FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.vehicle_id, o.starts_at, o.ends_at, o.cancelled_at IS NULL)
      IS DISTINCT FROM (n.vehicle_id, n.starts_at, n.ends_at, n.cancelled_at IS NULL);
  END IF;
  PERFORM rollups_refresh(z, s.vs, s.lo, s.hi) FROM rollup_span_of_blocks(z, changed) s;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_rollups_insert AFTER INSERT ON bookings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_bookings();
--> statement-breakpoint
CREATE TRIGGER bookings_rollups_update AFTER UPDATE ON bookings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_bookings();
--> statement-breakpoint
CREATE TRIGGER bookings_rollups_delete AFTER DELETE ON bookings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_bookings();
--> statement-breakpoint
CREATE TRIGGER trips_rollups_insert AFTER INSERT ON trips REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_trips();
--> statement-breakpoint
CREATE TRIGGER trips_rollups_update AFTER UPDATE ON trips REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_trips();
--> statement-breakpoint
CREATE TRIGGER trips_rollups_delete AFTER DELETE ON trips REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_trips();
--> statement-breakpoint
CREATE TRIGGER trip_ignitions_rollups_insert AFTER INSERT ON trip_ignitions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_ignitions();
--> statement-breakpoint
CREATE TRIGGER trip_ignitions_rollups_update AFTER UPDATE ON trip_ignitions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_ignitions();
--> statement-breakpoint
CREATE TRIGGER trip_ignitions_rollups_delete AFTER DELETE ON trip_ignitions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_ignitions();
--> statement-breakpoint
CREATE TRIGGER vehicle_blocks_rollups_insert AFTER INSERT ON vehicle_blocks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_blocks();
--> statement-breakpoint
CREATE TRIGGER vehicle_blocks_rollups_update AFTER UPDATE ON vehicle_blocks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_blocks();
--> statement-breakpoint
CREATE TRIGGER vehicle_blocks_rollups_delete AFTER DELETE ON vehicle_blocks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_after_blocks();
--> statement-breakpoint
-- A deleted booking's trip and a deleted trip's ignition intervals go first, while the row that
-- names their car still exists: a cascade would remove them after it, when their car is unknown.
CREATE FUNCTION rollups_delete_trips_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM trips WHERE booking_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_rollups_trips_first BEFORE DELETE ON bookings
  FOR EACH ROW EXECUTE FUNCTION rollups_delete_trips_first();
--> statement-breakpoint
CREATE FUNCTION rollups_delete_ignitions_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM trip_ignitions WHERE trip_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER trips_rollups_ignitions_first BEFORE DELETE ON trips
  FOR EACH ROW EXECUTE FUNCTION rollups_delete_ignitions_first();
