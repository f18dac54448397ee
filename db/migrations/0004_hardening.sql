CREATE TABLE "sign_in_account_failures" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"notified_at" timestamp with time zone,
	CONSTRAINT "sign_in_account_failures_failures_positive" CHECK ("sign_in_account_failures"."failures" >= 0),
	CONSTRAINT "sign_in_account_failures_email_lower" CHECK ("sign_in_account_failures"."email" = lower("sign_in_account_failures"."email"))
);
--> statement-breakpoint
CREATE TABLE "sign_in_address_counts" (
	"address" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_address_counts_attempts_positive" CHECK ("sign_in_address_counts"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "licence_expiry_notices" (
	"user_id" uuid NOT NULL,
	"valid_until" date NOT NULL,
	"noticed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_expiry_notices_pkey" PRIMARY KEY("user_id","valid_until")
);
--> statement-breakpoint
ALTER TABLE "trips" DROP CONSTRAINT "trips_ignition_non_negative";--> statement-breakpoint
DROP INDEX "box_records_box_seq_key";--> statement-breakpoint
ALTER TABLE "trips" ALTER COLUMN "ignition_seconds" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "approved_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "box_records" ADD COLUMN "epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "boxes" ADD COLUMN "epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "licence_expiry_notices" ADD CONSTRAINT "licence_expiry_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_account_failures_last_idx" ON "sign_in_account_failures" USING btree ("last_failure_at");--> statement-breakpoint
CREATE INDEX "sign_in_address_counts_window_idx" ON "sign_in_address_counts" USING btree ("window_started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "box_records_box_epoch_seq_key" ON "box_records" USING btree ("box_id","epoch","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "box_records_raw_key" ON "box_records" USING btree ("raw");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_approved_end_inside" CHECK ("bookings"."approved_ends_at" is null or ("bookings"."approved_ends_at" > "bookings"."starts_at" and "bookings"."approved_ends_at" < "bookings"."ends_at"));--> statement-breakpoint
ALTER TABLE "box_records" ADD CONSTRAINT "box_records_epoch_non_negative" CHECK ("box_records"."epoch" >= 0);--> statement-breakpoint
ALTER TABLE "boxes" ADD CONSTRAINT "boxes_epoch_non_negative" CHECK ("boxes"."epoch" >= 0);--> statement-breakpoint
ALTER TABLE "trips" ADD CONSTRAINT "trips_ignition_non_negative" CHECK ("trips"."ignition_seconds" is null or "trips"."ignition_seconds" >= 0);