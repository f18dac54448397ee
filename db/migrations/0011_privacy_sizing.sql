CREATE TABLE "demand_search_marks" (
	"searcher" text NOT NULL,
	"station_id" uuid NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"search_hour" timestamp with time zone NOT NULL,
	CONSTRAINT "demand_search_marks_pkey" PRIMARY KEY("searcher","station_id","slot","search_hour")
);
--> statement-breakpoint
CREATE TABLE "demand_slot_misses" (
	"station_id" uuid NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "demand_slot_misses_pkey" PRIMARY KEY("station_id","slot"),
	CONSTRAINT "demand_slot_misses_count_positive" CHECK ("demand_slot_misses"."count" > 0),
	CONSTRAINT "demand_slot_misses_quarter_hour" CHECK ("demand_slot_misses"."slot" = date_bin('15 minutes', "demand_slot_misses"."slot", timestamptz '2000-01-01 00:00:00+00'))
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"day" date PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"bookings" integer
);
--> statement-breakpoint
CREATE TABLE "trip_access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"viewer_id" uuid,
	"subject_id" uuid,
	"purpose" text NOT NULL,
	"reason" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trip_access_log_purpose_known" CHECK ("trip_access_log"."purpose" in ('damage', 'fine', 'billing')),
	CONSTRAINT "trip_access_log_period_order" CHECK ("trip_access_log"."period_to" > "trip_access_log"."period_from"),
	CONSTRAINT "trip_access_log_reason_given" CHECK (length(btrim("trip_access_log"."reason")) >= 10)
);
--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "personal_data_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "demand_search_marks" ADD CONSTRAINT "demand_search_marks_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_slot_misses" ADD CONSTRAINT "demand_slot_misses_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_access_log" ADD CONSTRAINT "trip_access_log_viewer_id_users_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_access_log" ADD CONSTRAINT "trip_access_log_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_search_marks_hour_idx" ON "demand_search_marks" USING btree ("search_hour");--> statement-breakpoint
CREATE INDEX "trip_access_log_subject_at_idx" ON "trip_access_log" USING btree ("subject_id","at");--> statement-breakpoint
CREATE INDEX "trip_access_log_viewer_at_idx" ON "trip_access_log" USING btree ("viewer_id","at");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_person_until_retention" CHECK (("bookings"."user_id" is null) = ("bookings"."personal_data_removed_at" is not null));