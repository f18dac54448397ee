-- drizzle cannot express EXCLUDE or range types: this migration is written by hand.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- What a booking keeps a car from others: its period plus the car's turnaround buffer after it.
-- Adding whole minutes to a timestamptz does not depend on the time zone, so IMMUTABLE is true.
CREATE FUNCTION booking_blocked_range(period tstzrange, buffer_minutes smallint) RETURNS tstzrange
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN tstzrange(lower(period), upper(period) + make_interval(mins => buffer_minutes), '[)');
--> statement-breakpoint
-- The buffer is the vehicle's, copied when a booking is written or moved to another car.
CREATE FUNCTION bookings_copy_vehicle_buffer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT turnaround_buffer_minutes INTO NEW.buffer_minutes FROM vehicles WHERE id = NEW.vehicle_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_copy_vehicle_buffer BEFORE INSERT OR UPDATE OF vehicle_id, buffer_minutes ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_copy_vehicle_buffer();
--> statement-breakpoint
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  vehicle_id WITH =,
  booking_blocked_range(period, buffer_minutes) WITH &&
) WHERE (status IN ('reserved', 'active', 'completed'));
