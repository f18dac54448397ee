CREATE TABLE "co2_factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"valid_from" date NOT NULL,
	"reference_g_per_km" numeric(8, 2) NOT NULL,
	"electricity_g_per_km" numeric(8, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "co2_factors_non_negative" CHECK (least("co2_factors"."reference_g_per_km", "co2_factors"."electricity_g_per_km") >= 0)
);
--> statement-breakpoint
CREATE TABLE "demand_misses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "demand_misses_count_positive" CHECK ("demand_misses"."count" > 0),
	CONSTRAINT "demand_misses_whole_hour" CHECK ("demand_misses"."hour" = date_trunc('hour', "demand_misses"."hour"))
);
--> statement-breakpoint
CREATE TABLE "municipality_tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"per_hour" numeric(12, 4) NOT NULL,
	"per_km" numeric(12, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_tariffs_non_negative" CHECK (least("municipality_tariffs"."per_hour", "municipality_tariffs"."per_km") >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"municipality_id" uuid,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"driver_municipality_id" uuid NOT NULL,
	"owner_municipality_id" uuid NOT NULL,
	"hours" numeric(12, 4) NOT NULL,
	"km" numeric(12, 1) NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	CONSTRAINT "settlement_lines_pair_differs" CHECK ("settlement_lines"."driver_municipality_id" <> "settlement_lines"."owner_municipality_id")
);
--> statement-breakpoint
CREATE TABLE "settlement_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" date NOT NULL,
	"frozen_by" uuid,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_periods_first_of_month" CHECK (extract(day from "settlement_periods"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "vehicle_cost_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"commissioned_on" date NOT NULL,
	"retired_on" date,
	"leasing_monthly" numeric(12, 4) NOT NULL,
	"insurance_monthly" numeric(12, 4) NOT NULL,
	"tax_monthly" numeric(12, 4) NOT NULL,
	"box_fee_monthly" numeric(12, 4) NOT NULL,
	"other_monthly" numeric(12, 4) NOT NULL,
	"per_km" numeric(12, 4) NOT NULL,
	"per_kwh" numeric(12, 4) NOT NULL,
	"per_litre" numeric(12, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vehicle_cost_rates_service_order" CHECK ("vehicle_cost_rates"."retired_on" is null or "vehicle_cost_rates"."retired_on" > "vehicle_cost_rates"."commissioned_on"),
	CONSTRAINT "vehicle_cost_rates_non_negative" CHECK (least("vehicle_cost_rates"."leasing_monthly", "vehicle_cost_rates"."insurance_monthly", "vehicle_cost_rates"."tax_monthly", "vehicle_cost_rates"."box_fee_monthly", "vehicle_cost_rates"."other_monthly", "vehicle_cost_rates"."per_km", "vehicle_cost_rates"."per_kwh", "vehicle_cost_rates"."per_litre") >= 0)
);
--> statement-breakpoint
ALTER TABLE "demand_misses" ADD CONSTRAINT "demand_misses_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_tariffs" ADD CONSTRAINT "municipality_tariffs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_changes" ADD CONSTRAINT "rate_changes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_changes" ADD CONSTRAINT "rate_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_period_id_settlement_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."settlement_periods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_driver_municipality_id_municipalities_id_fk" FOREIGN KEY ("driver_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_owner_municipality_id_municipalities_id_fk" FOREIGN KEY ("owner_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_periods" ADD CONSTRAINT "settlement_periods_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_cost_rates" ADD CONSTRAINT "vehicle_cost_rates_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "co2_factors_from_key" ON "co2_factors" USING btree ("valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_misses_station_hour_key" ON "demand_misses" USING btree ("station_id","hour");--> statement-breakpoint
CREATE UNIQUE INDEX "municipality_tariffs_municipality_from_key" ON "municipality_tariffs" USING btree ("municipality_id","valid_from");--> statement-breakpoint
CREATE INDEX "rate_changes_municipality_at_idx" ON "rate_changes" USING btree ("municipality_id","changed_at");--> statement-breakpoint
CREATE INDEX "settlement_lines_period_idx" ON "settlement_lines" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "settlement_lines_booking_idx" ON "settlement_lines" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_periods_month_key" ON "settlement_periods" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_cost_rates_vehicle_from_key" ON "vehicle_cost_rates" USING btree ("vehicle_id","valid_from");