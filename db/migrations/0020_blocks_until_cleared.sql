ALTER TABLE "vehicle_blocks" ADD COLUMN "until_cleared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- hand-written: the blocks damages and inspections placed before this column end with their record.
UPDATE "vehicle_blocks" SET "until_cleared" = true
WHERE "id" IN (SELECT "block_id" FROM "damage_blocks")
   OR "id" IN (SELECT "block_id" FROM "vehicle_inspections" WHERE "block_id" IS NOT NULL);
