ALTER TABLE "trips" DROP CONSTRAINT "trips_ignition_non_negative";--> statement-breakpoint
DROP INDEX "box_records_box_seq_key";--> statement-breakpoint
ALTER TABLE "trips" ALTER COLUMN "ignition_seconds" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "box_records" ADD COLUMN "epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "boxes" ADD COLUMN "epoch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "box_records_box_epoch_seq_key" ON "box_records" USING btree ("box_id","epoch","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "box_records_raw_key" ON "box_records" USING btree ("raw");--> statement-breakpoint
ALTER TABLE "box_records" ADD CONSTRAINT "box_records_epoch_non_negative" CHECK ("box_records"."epoch" >= 0);--> statement-breakpoint
ALTER TABLE "boxes" ADD CONSTRAINT "boxes_epoch_non_negative" CHECK ("boxes"."epoch" >= 0);--> statement-breakpoint
ALTER TABLE "trips" ADD CONSTRAINT "trips_ignition_non_negative" CHECK ("trips"."ignition_seconds" is null or "trips"."ignition_seconds" >= 0);