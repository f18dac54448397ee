-- The driver's municipality is taken from the user when the booking is written, whoever writes it
-- (booking engine, series, seed, import), so settlement never reads a later move.
CREATE FUNCTION bookings_take_driver_municipality() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.driver_municipality_id IS NULL THEN
    SELECT u.municipality_id INTO NEW.driver_municipality_id FROM users u WHERE u.id = NEW.user_id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_take_driver_municipality BEFORE INSERT ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_take_driver_municipality();
--> statement-breakpoint
UPDATE bookings b SET driver_municipality_id = u.municipality_id FROM users u WHERE u.id = b.user_id;
