CREATE TYPE "public"."inspection_result" AS ENUM('passed', 'passed_with_defects', 'failed');--> statement-breakpoint
CREATE TYPE "public"."licence_class" AS ENUM('AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'L', 'T');--> statement-breakpoint
CREATE TABLE "driver_instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"instructed_on" date NOT NULL,
	"instructed_by" text NOT NULL,
	"topic" text NOT NULL,
	"next_due" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "driver_instructions_by_present" CHECK (length(trim("driver_instructions"."instructed_by")) > 0),
	CONSTRAINT "driver_instructions_topic_present" CHECK (length(trim("driver_instructions"."topic")) > 0),
	CONSTRAINT "driver_instructions_due_after" CHECK ("driver_instructions"."next_due" > "driver_instructions"."instructed_on")
);
--> statement-breakpoint
CREATE TABLE "licence_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"checked_by_id" uuid,
	"checked_by_name" text NOT NULL,
	"classes" "licence_class"[] NOT NULL,
	"card_expires_on" date,
	"restrictions" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_until" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_checks_classes_present" CHECK (cardinality("licence_checks"."classes") >= 1),
	CONSTRAINT "licence_checks_checked_by_present" CHECK (length(trim("licence_checks"."checked_by_name")) > 0),
	CONSTRAINT "licence_checks_card_valid_at_check" CHECK ("licence_checks"."card_expires_on" is null or "licence_checks"."card_expires_on" >= "licence_checks"."checked_on"),
	CONSTRAINT "licence_checks_valid_until_bounds" CHECK ("licence_checks"."valid_until" >= "licence_checks"."checked_on" and ("licence_checks"."card_expires_on" is null or "licence_checks"."valid_until" <= "licence_checks"."card_expires_on"))
);
--> statement-breakpoint
CREATE TABLE "vehicle_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"inspector" text NOT NULL,
	"result" "inspection_result" NOT NULL,
	"defects" text,
	"next_due" date NOT NULL,
	"block_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vehicle_inspections_inspector_present" CHECK (length(trim("vehicle_inspections"."inspector")) > 0),
	CONSTRAINT "vehicle_inspections_defects_named" CHECK ("vehicle_inspections"."result" = 'passed' or length(trim(coalesce("vehicle_inspections"."defects", ''))) > 0),
	CONSTRAINT "vehicle_inspections_due_after" CHECK ("vehicle_inspections"."next_due" > "vehicle_inspections"."inspected_on")
);
--> statement-breakpoint
ALTER TABLE "booking_policies" ADD COLUMN "licence_check_interval_months" smallint DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "driver_instructions" ADD CONSTRAINT "driver_instructions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_instructions" ADD CONSTRAINT "driver_instructions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_checks" ADD CONSTRAINT "licence_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_checks" ADD CONSTRAINT "licence_checks_checked_by_id_users_id_fk" FOREIGN KEY ("checked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_checks" ADD CONSTRAINT "licence_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_inspections" ADD CONSTRAINT "vehicle_inspections_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_inspections" ADD CONSTRAINT "vehicle_inspections_block_id_vehicle_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."vehicle_blocks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_inspections" ADD CONSTRAINT "vehicle_inspections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "driver_instructions_user_idx" ON "driver_instructions" USING btree ("user_id","instructed_on");--> statement-breakpoint
CREATE INDEX "licence_checks_user_idx" ON "licence_checks" USING btree ("user_id","checked_on");--> statement-breakpoint
CREATE INDEX "vehicle_inspections_vehicle_idx" ON "vehicle_inspections" USING btree ("vehicle_id","inspected_on");--> statement-breakpoint
ALTER TABLE "booking_policies" ADD CONSTRAINT "booking_policies_licence_interval_range" CHECK ("booking_policies"."licence_check_interval_months" between 1 and 12);--> statement-breakpoint
-- hand-written:
-- Compliance records are kept as written: a correction is a new record, so the history shows it.
-- Only the references the database itself clears (ON DELETE SET NULL: a person or block removed)
-- may change; the trigger's arguments name them.
CREATE FUNCTION compliance_record_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - TG_ARGV) IS DISTINCT FROM (to_jsonb(OLD) - TG_ARGV) THEN
    RAISE EXCEPTION '% records are not changed; record a new one', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER licence_checks_unchanged BEFORE UPDATE ON licence_checks
  FOR EACH ROW EXECUTE FUNCTION compliance_record_unchanged('checked_by_id', 'recorded_by');
--> statement-breakpoint
CREATE TRIGGER vehicle_inspections_unchanged BEFORE UPDATE ON vehicle_inspections
  FOR EACH ROW EXECUTE FUNCTION compliance_record_unchanged('block_id', 'recorded_by');
--> statement-breakpoint
CREATE TRIGGER driver_instructions_unchanged BEFORE UPDATE ON driver_instructions
  FOR EACH ROW EXECUTE FUNCTION compliance_record_unchanged('recorded_by');
