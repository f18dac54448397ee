CREATE TYPE "public"."damage_state" AS ENUM('new', 'seen', 'in_repair', 'repaired', 'rejected');--> statement-breakpoint
CREATE TABLE "damage_blocks" (
	"damage_id" uuid NOT NULL,
	"block_id" uuid NOT NULL,
	CONSTRAINT "damage_blocks_pk" PRIMARY KEY("damage_id","block_id")
);
--> statement-breakpoint
CREATE TABLE "damage_state_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"damage_id" uuid NOT NULL,
	"from_state" "damage_state" NOT NULL,
	"to_state" "damage_state" NOT NULL,
	"actor_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "damage_state_changes_note_length" CHECK ("damage_state_changes"."note" is null or char_length("damage_state_changes"."note") <= 1000),
	CONSTRAINT "damage_state_changes_is_a_step" CHECK ("damage_state_changes"."from_state" <> "damage_state_changes"."to_state")
);
--> statement-breakpoint
ALTER TABLE "damage_reports" ADD COLUMN "state" "damage_state" DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "damage_blocks" ADD CONSTRAINT "damage_blocks_damage_id_damage_reports_id_fk" FOREIGN KEY ("damage_id") REFERENCES "public"."damage_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "damage_blocks" ADD CONSTRAINT "damage_blocks_block_id_vehicle_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."vehicle_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "damage_state_changes" ADD CONSTRAINT "damage_state_changes_damage_id_damage_reports_id_fk" FOREIGN KEY ("damage_id") REFERENCES "public"."damage_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "damage_state_changes" ADD CONSTRAINT "damage_state_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "damage_blocks_block_idx" ON "damage_blocks" USING btree ("block_id");--> statement-breakpoint
CREATE INDEX "damage_state_changes_damage_idx" ON "damage_state_changes" USING btree ("damage_id","at");--> statement-breakpoint
CREATE INDEX "damage_reports_state_idx" ON "damage_reports" USING btree ("state","created_at");