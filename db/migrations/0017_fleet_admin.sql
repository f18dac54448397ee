ALTER TABLE "stations" ADD COLUMN "opening_notes" text;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "commissioned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "equipment" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "photo_key" text;--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_retired_has_date" CHECK (("vehicles"."status" = 'retired') = ("vehicles"."retired_at" is not null));--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_retired_after_commissioned" CHECK ("vehicles"."retired_at" is null or "vehicles"."commissioned_at" is null or "vehicles"."retired_at" > "vehicles"."commissioned_at");--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_equipment_known" CHECK (equipment <@ array['tow_bar', 'child_seat', 'winter_tyres', 'wheelchair_ramp', 'roof_rack', 'charging_cable']::text[]);--> statement-breakpoint
-- hand-written:
-- A retired car holds no time past its retirement, whoever writes the booking: a new booking, a
-- move onto it, or an extension. Cancelling, ending or shortening one stays possible.
CREATE OR REPLACE FUNCTION bookings_refuse_retired() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT booking_holds_vehicle(NEW.status) THEN RETURN NEW; END IF;
  IF TG_OP = 'UPDATE' AND NEW.vehicle_id = OLD.vehicle_id AND NEW.ends_at <= OLD.ends_at THEN RETURN NEW; END IF;
  IF EXISTS (
    SELECT 1 FROM vehicles v
    WHERE v.id = NEW.vehicle_id AND v.retired_at IS NOT NULL AND NEW.ends_at > v.retired_at
  ) THEN
    RAISE EXCEPTION 'booking runs past the retirement of vehicle %', NEW.vehicle_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_vehicle_not_retired';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_refuse_retired BEFORE INSERT OR UPDATE OF vehicle_id, ends_at, status ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_refuse_retired();
