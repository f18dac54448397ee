-- The statuses that hold a car's time, named once in SQL (the TypeScript list is
-- liveBookingStatuses in db/schema/bookings.ts; a test holds the two to each other). The exclusion
-- constraint and both block triggers ask this function instead of repeating the list.
CREATE FUNCTION booking_holds_vehicle(status text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN status IN ('pending', 'reserved', 'active', 'completed');
--> statement-breakpoint
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
--> statement-breakpoint
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  vehicle_id WITH =,
  booking_blocked_range(period, buffer_minutes) WITH &&
) WHERE (booking_holds_vehicle(status));
--> statement-breakpoint
-- lock_vehicle_schedule(uuid) stays the one per-car lock: its uuid parameter makes the key the
-- canonical lower-case text of the id, however a caller spelled it.
CREATE OR REPLACE FUNCTION bookings_refuse_blocked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT booking_holds_vehicle(NEW.status) THEN RETURN NEW; END IF;
  PERFORM lock_vehicle_schedule(NEW.vehicle_id);
  IF EXISTS (
    SELECT 1 FROM vehicle_blocks b
    WHERE b.vehicle_id = NEW.vehicle_id AND b.cancelled_at IS NULL
      AND b.period && booking_blocked_range(tstzrange(NEW.starts_at, NEW.ends_at, '[)'), NEW.buffer_minutes)
  ) THEN
    RAISE EXCEPTION 'booking overlaps a block of vehicle %', NEW.vehicle_id
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'bookings_no_block_overlap';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vehicle_blocks_refuse_booked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.cancelled_at IS NOT NULL THEN RETURN NEW; END IF;
  PERFORM lock_vehicle_schedule(NEW.vehicle_id);
  IF EXISTS (
    SELECT 1 FROM bookings k
    WHERE k.vehicle_id = NEW.vehicle_id AND booking_holds_vehicle(k.status)
      AND booking_blocked_range(k.period, k.buffer_minutes) && tstzrange(NEW.starts_at, NEW.ends_at, '[)')
  ) THEN
    RAISE EXCEPTION 'block overlaps a booking of vehicle %', NEW.vehicle_id
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'vehicle_blocks_no_booking_overlap';
  END IF;
  RETURN NEW;
END $$;
