CREATE TABLE "trip_ignitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trip_id" uuid NOT NULL,
	"on_at" timestamp with time zone NOT NULL,
	"off_at" timestamp with time zone NOT NULL,
	"period" "tstzrange" GENERATED ALWAYS AS (tstzrange(on_at, off_at, '[)')) STORED NOT NULL,
	CONSTRAINT "trip_ignitions_ordered" CHECK ("trip_ignitions"."on_at" <= "trip_ignitions"."off_at")
);
--> statement-breakpoint
ALTER TABLE "trips" ALTER COLUMN "box_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "driver_municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "trips" ADD COLUMN "fuel_litres" numeric(8, 2);--> statement-breakpoint
ALTER TABLE "trip_ignitions" ADD CONSTRAINT "trip_ignitions_trip_id_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."trips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trip_ignitions_trip_idx" ON "trip_ignitions" USING btree ("trip_id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_driver_municipality_id_municipalities_id_fk" FOREIGN KEY ("driver_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trips" ADD CONSTRAINT "trips_fuel_non_negative" CHECK ("trips"."fuel_litres" is null or "trips"."fuel_litres" >= 0);