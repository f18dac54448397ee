CREATE TABLE "municipality_accounting" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"expense_account" text NOT NULL,
	"revenue_account" text NOT NULL,
	"legal_name" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"country_code" text DEFAULT 'DE' NOT NULL,
	"leitweg_id" text NOT NULL,
	"vat_id" text,
	"tax_number" text,
	"iban" text NOT NULL,
	"bic" text,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_accounting_country" CHECK ("municipality_accounting"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "municipality_accounting_leitweg_id" CHECK ("municipality_accounting"."leitweg_id" ~ '^[0-9]{2,12}(-[0-9A-Z]{1,30})?-[0-9]{2}$'),
	CONSTRAINT "municipality_accounting_iban" CHECK ("municipality_accounting"."iban" ~ '^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$'),
	CONSTRAINT "municipality_accounting_bic" CHECK ("municipality_accounting"."bic" is null or "municipality_accounting"."bic" ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'),
	CONSTRAINT "municipality_accounting_vat_id" CHECK ("municipality_accounting"."vat_id" is null or "municipality_accounting"."vat_id" ~ '^[A-Z]{2}[0-9A-Z]{2,12}$'),
	CONSTRAINT "municipality_accounting_tax_identity" CHECK ("municipality_accounting"."vat_id" is not null or "municipality_accounting"."tax_number" is not null)
);
--> statement-breakpoint
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
ALTER TABLE "municipality_accounting" ADD CONSTRAINT "municipality_accounting_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_accounting" ADD CONSTRAINT "municipality_accounting_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_block_id_vehicle_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."vehicle_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_keys_kind_key" ON "import_keys" USING btree ("kind","key");