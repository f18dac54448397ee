CREATE TYPE "public"."block_kind" AS ENUM('maintenance', 'cleaning', 'damage', 'inspection');--> statement-breakpoint
CREATE TABLE "vehicle_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"period" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED NOT NULL,
	"kind" "block_kind" NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vehicle_blocks_period_positive" CHECK ("vehicle_blocks"."starts_at" < "vehicle_blocks"."ends_at"),
	CONSTRAINT "vehicle_blocks_reason_present" CHECK (length(trim("vehicle_blocks"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "booking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"details" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"rule" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_fetched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"booking_id" uuid,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "notifications_attempts_range" CHECK ("notifications"."attempts" between 0 and 50)
);
--> statement-breakpoint
CREATE TABLE "booking_policies" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"horizon_days" smallint DEFAULT 60 NOT NULL,
	"max_duration_minutes" integer DEFAULT 20160 NOT NULL,
	"min_lead_minutes" integer DEFAULT 0 NOT NULL,
	"others_may_book" boolean DEFAULT true NOT NULL,
	"others_from" time,
	"others_until" time,
	"no_show_grace_minutes" smallint DEFAULT 30 NOT NULL,
	"max_future_bookings_per_person" smallint DEFAULT 10 NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_policies_horizon_range" CHECK ("booking_policies"."horizon_days" between 1 and 730),
	CONSTRAINT "booking_policies_duration_range" CHECK ("booking_policies"."max_duration_minutes" between 15 and 43200),
	CONSTRAINT "booking_policies_lead_range" CHECK ("booking_policies"."min_lead_minutes" between 0 and 10080),
	CONSTRAINT "booking_policies_grace_range" CHECK ("booking_policies"."no_show_grace_minutes" between 5 and 240),
	CONSTRAINT "booking_policies_fairness_range" CHECK ("booking_policies"."max_future_bookings_per_person" between 1 and 100),
	CONSTRAINT "booking_policies_others_hours" CHECK (("booking_policies"."others_from" is null) = ("booking_policies"."others_until" is null) and ("booking_policies"."others_from" is null or "booking_policies"."others_from" < "booking_policies"."others_until"))
);
--> statement-breakpoint
-- Hand-edited: what depends on the enum-typed status goes before the type change and comes back after it.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_overlap";--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_cancelled_at_matches_status";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" SET DATA TYPE text USING "status"::text;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "status" SET DEFAULT 'reserved';--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_at_matches_status" CHECK (("bookings"."status" = 'cancelled') = ("bookings"."cancelled_at" is not null));--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "late_return_noticed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vehicle_blocks" ADD CONSTRAINT "vehicle_blocks_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_blocks" ADD CONSTRAINT "vehicle_blocks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_policies" ADD CONSTRAINT "booking_policies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_policies" ADD CONSTRAINT "booking_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vehicle_blocks_vehicle_starts_idx" ON "vehicle_blocks" USING btree ("vehicle_id","starts_at");--> statement-breakpoint
CREATE INDEX "booking_events_booking_at_idx" ON "booking_events" USING btree ("booking_id","at");--> statement-breakpoint
CREATE INDEX "booking_series_user_idx" ON "booking_series" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("not_before") WHERE "notifications"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_booking_idx" ON "notifications" USING btree ("booking_id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_series_id_booking_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."booking_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_series_idx" ON "bookings" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "bookings_open_starts_idx" ON "bookings" USING btree ("starts_at") WHERE "bookings"."status" in ('pending', 'reserved', 'active');--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_status_known" CHECK ("bookings"."status" in ('pending', 'reserved', 'active', 'completed', 'cancelled', 'no_show'));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_sequence_non_negative" CHECK ("bookings"."sequence" >= 0);--> statement-breakpoint
DROP TYPE "public"."booking_status";--> statement-breakpoint
-- Bookings gain a pending status (approval): the exclusion constraint is rebuilt on the text
-- status, and blocks share the no-overlap guarantee through triggers on both tables.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  vehicle_id WITH =,
  booking_blocked_range(period, buffer_minutes) WITH &&
) WHERE (status IN ('pending', 'reserved', 'active', 'completed'));
--> statement-breakpoint
ALTER TABLE vehicle_blocks ADD CONSTRAINT vehicle_blocks_no_overlap EXCLUDE USING gist (
  vehicle_id WITH =,
  period WITH &&
) WHERE (cancelled_at IS NULL);
--> statement-breakpoint
-- One lock per car for both tables. Taken inside the trigger, before the check's own query, so
-- under READ COMMITTED that query's snapshot already sees whatever the previous holder committed.
CREATE FUNCTION lock_vehicle_schedule(vehicle uuid) RETURNS void LANGUAGE sql VOLATILE
  RETURN pg_advisory_xact_lock(hashtextextended(vehicle::text, 0));
--> statement-breakpoint
CREATE FUNCTION bookings_refuse_blocked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('pending', 'reserved', 'active', 'completed') THEN RETURN NEW; END IF;
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
-- After the buffer trigger (names fire in alphabetical order): the check needs the copied buffer.
CREATE TRIGGER bookings_refuse_blocked BEFORE INSERT OR UPDATE OF vehicle_id, starts_at, ends_at, status ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_refuse_blocked();
--> statement-breakpoint
CREATE FUNCTION vehicle_blocks_refuse_booked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.cancelled_at IS NOT NULL THEN RETURN NEW; END IF;
  PERFORM lock_vehicle_schedule(NEW.vehicle_id);
  IF EXISTS (
    SELECT 1 FROM bookings k
    WHERE k.vehicle_id = NEW.vehicle_id AND k.status IN ('pending', 'reserved', 'active', 'completed')
      AND booking_blocked_range(k.period, k.buffer_minutes) && tstzrange(NEW.starts_at, NEW.ends_at, '[)')
  ) THEN
    RAISE EXCEPTION 'block overlaps a booking of vehicle %', NEW.vehicle_id
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'vehicle_blocks_no_booking_overlap';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER vehicle_blocks_refuse_booked BEFORE INSERT OR UPDATE OF vehicle_id, starts_at, ends_at, cancelled_at ON vehicle_blocks
  FOR EACH ROW EXECUTE FUNCTION vehicle_blocks_refuse_booked();
