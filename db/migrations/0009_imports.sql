CREATE TABLE "import_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"booking_id" uuid,
	"block_id" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_keys_kind_known" CHECK ("import_keys"."kind" in ('booking', 'block')),
	CONSTRAINT "import_keys_one_target" CHECK (("import_keys"."kind" = 'booking') = ("import_keys"."booking_id" is not null) and ("import_keys"."kind" = 'block') = ("import_keys"."block_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_block_id_vehicle_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."vehicle_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_keys_kind_key" ON "import_keys" USING btree ("kind","key");