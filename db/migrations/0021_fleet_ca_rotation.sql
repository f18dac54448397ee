CREATE TYPE "public"."ca_key_state" AS ENUM('active', 'next', 'retired');--> statement-breakpoint
ALTER TYPE "public"."gateway_job_kind" ADD VALUE 'trust';--> statement-breakpoint
CREATE TABLE "box_trust_anchors" (
	"box_id" uuid NOT NULL,
	"ca_key_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "box_trust_anchors_pkey" PRIMARY KEY("box_id","ca_key_id")
);
--> statement-breakpoint
CREATE TABLE "fleet_ca_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"generation" integer NOT NULL,
	"public_key" "bytea" NOT NULL,
	"state" "ca_key_state" NOT NULL,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fleet_ca_keys_generation_positive" CHECK ("fleet_ca_keys"."generation" >= 1),
	CONSTRAINT "fleet_ca_keys_public_key_length" CHECK (octet_length("fleet_ca_keys"."public_key") = 32),
	CONSTRAINT "fleet_ca_keys_retired_has_date" CHECK (("fleet_ca_keys"."state" = 'retired') = ("fleet_ca_keys"."retired_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "gateway_jobs" DROP CONSTRAINT "gateway_jobs_revocation_has_frame";--> statement-breakpoint
DROP INDEX "boxes_vehicle_key";--> statement-breakpoint
DROP INDEX "boxes_ble_address_key";--> statement-breakpoint
ALTER TABLE "boxes" ADD COLUMN "replaced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD COLUMN "ca_key_id" uuid;--> statement-breakpoint
ALTER TABLE "box_trust_anchors" ADD CONSTRAINT "box_trust_anchors_box_id_boxes_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."boxes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_trust_anchors" ADD CONSTRAINT "box_trust_anchors_ca_key_id_fleet_ca_keys_id_fk" FOREIGN KEY ("ca_key_id") REFERENCES "public"."fleet_ca_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "box_trust_anchors_ca_key_idx" ON "box_trust_anchors" USING btree ("ca_key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fleet_ca_keys_generation_key" ON "fleet_ca_keys" USING btree ("generation");--> statement-breakpoint
CREATE UNIQUE INDEX "fleet_ca_keys_public_key_key" ON "fleet_ca_keys" USING btree ("public_key");--> statement-breakpoint
CREATE UNIQUE INDEX "fleet_ca_keys_one_per_live_state" ON "fleet_ca_keys" USING btree ("state") WHERE "fleet_ca_keys"."state" <> 'retired';--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_ca_key_id_fleet_ca_keys_id_fk" FOREIGN KEY ("ca_key_id") REFERENCES "public"."fleet_ca_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_jobs_one_open_trust_update" ON "gateway_jobs" USING btree ("box_id","ca_key_id") WHERE "gateway_jobs"."ca_key_id" is not null and "gateway_jobs"."state" in ('queued', 'sent', 'challenged');--> statement-breakpoint
CREATE UNIQUE INDEX "boxes_vehicle_key" ON "boxes" USING btree ("vehicle_id") WHERE "boxes"."replaced_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "boxes_ble_address_key" ON "boxes" USING btree ("ble_address") WHERE "boxes"."replaced_at" is null;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_frame_matches_kind" CHECK (case "gateway_jobs"."kind"::text when 'command' then true when 'revocation' then octet_length("gateway_jobs"."frame") = 90 else octet_length("gateway_jobs"."frame") = 119 end);--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_trust_has_ca_key" CHECK (("gateway_jobs"."kind"::text = 'trust') = ("gateway_jobs"."ca_key_id" is not null));