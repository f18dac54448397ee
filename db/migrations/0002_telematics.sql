CREATE TYPE "public"."gateway_job_kind" AS ENUM('command', 'revocation');--> statement-breakpoint
CREATE TYPE "public"."gateway_job_state" AS ENUM('queued', 'sent', 'challenged', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."key_holder" AS ENUM('relay', 'phone');--> statement-breakpoint
CREATE TABLE "box_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"box_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" smallint NOT NULL,
	"booking_id" uuid,
	"odometer" bigint NOT NULL,
	"soc" smallint NOT NULL,
	"raw" "bytea" NOT NULL,
	"gateway_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "box_records_seq_range" CHECK ("box_records"."seq" between 1 and 4294967295),
	CONSTRAINT "box_records_event_range" CHECK ("box_records"."event" between 0 and 255),
	CONSTRAINT "box_records_odometer_range" CHECK ("box_records"."odometer" between 0 and 4294967295),
	CONSTRAINT "box_records_soc_range" CHECK ("box_records"."soc" between 0 and 255),
	CONSTRAINT "box_records_raw_length" CHECK (octet_length("box_records"."raw") = 112)
);
--> statement-breakpoint
CREATE TABLE "boxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"ble_address" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"firmware" text,
	"provisioned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_serial" bigint DEFAULT 0 NOT NULL,
	"next_seq" bigint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "boxes_ble_address_format" CHECK ("boxes"."ble_address" ~ '^[0-9A-F]{2}(:[0-9A-F]{2}){5}$'),
	CONSTRAINT "boxes_public_key_length" CHECK (octet_length("boxes"."public_key") = 32),
	CONSTRAINT "boxes_last_serial_range" CHECK ("boxes"."last_serial" between 0 and 4294967295),
	CONSTRAINT "boxes_next_seq_range" CHECK ("boxes"."next_seq" between 1 and 4294967296)
);
--> statement-breakpoint
CREATE TABLE "gateway_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"box_id" uuid NOT NULL,
	"booking_id" uuid,
	"requested_by" uuid,
	"gateway_id" uuid,
	"kind" "gateway_job_kind" NOT NULL,
	"op" smallint,
	"frame" "bytea",
	"certificate_id" uuid,
	"nonce" "bytea",
	"state" "gateway_job_state" DEFAULT 'queued' NOT NULL,
	"stage" text,
	"failure" text,
	"failure_detail" text,
	"status" smallint,
	"response" "bytea",
	"lock_state" smallint,
	"odometer" bigint,
	"soc" smallint,
	"box_time" timestamp with time zone,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_jobs_op_matches_kind" CHECK (("gateway_jobs"."kind" = 'command') = ("gateway_jobs"."op" is not null)),
	CONSTRAINT "gateway_jobs_op_range" CHECK ("gateway_jobs"."op" is null or "gateway_jobs"."op" between 1 and 3),
	CONSTRAINT "gateway_jobs_revocation_has_frame" CHECK ("gateway_jobs"."kind" = 'command' or ("gateway_jobs"."frame" is not null and octet_length("gateway_jobs"."frame") = 90)),
	CONSTRAINT "gateway_jobs_failed_has_failure" CHECK (("gateway_jobs"."state" = 'failed') = ("gateway_jobs"."failure" is not null)),
	CONSTRAINT "gateway_jobs_done_has_status" CHECK ("gateway_jobs"."state" <> 'done' or "gateway_jobs"."status" is not null),
	CONSTRAINT "gateway_jobs_status_range" CHECK ("gateway_jobs"."status" is null or "gateway_jobs"."status" between 0 and 255),
	CONSTRAINT "gateway_jobs_stage_known" CHECK ("gateway_jobs"."stage" is null or "gateway_jobs"."stage" in ('connecting', 'connected')),
	CONSTRAINT "gateway_jobs_expiry_after_creation" CHECK ("gateway_jobs"."expires_at" > "gateway_jobs"."created_at")
);
--> statement-breakpoint
CREATE TABLE "gateways" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateways_token_hash_length" CHECK (octet_length("gateways"."token_hash") = 32),
	CONSTRAINT "gateways_name_not_blank" CHECK (length(trim("gateways"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "key_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"box_id" uuid NOT NULL,
	"serial" bigint NOT NULL,
	"booking_id" uuid NOT NULL,
	"holder" "key_holder" NOT NULL,
	"holder_public_key" "bytea" NOT NULL,
	"rights" smallint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"frame" "bytea" NOT NULL,
	CONSTRAINT "key_certificates_serial_range" CHECK ("key_certificates"."serial" between 1 and 4294967295),
	CONSTRAINT "key_certificates_rights_range" CHECK ("key_certificates"."rights" between 1 and 15),
	CONSTRAINT "key_certificates_window" CHECK ("key_certificates"."not_before" < "key_certificates"."not_after"),
	CONSTRAINT "key_certificates_holder_key_length" CHECK (octet_length("key_certificates"."holder_public_key") = 32),
	CONSTRAINT "key_certificates_frame_length" CHECK (octet_length("key_certificates"."frame") = 147)
);
--> statement-breakpoint
CREATE TABLE "trips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"box_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"odometer_start" bigint NOT NULL,
	"odometer_end" bigint NOT NULL,
	"soc_start" smallint,
	"soc_end" smallint,
	"ignition_seconds" integer NOT NULL,
	"energy_kwh" numeric(8, 2),
	"charged_kwh" numeric(8, 2),
	"derived_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trips_ended_after_start" CHECK ("trips"."ended_at" is null or "trips"."ended_at" >= "trips"."started_at"),
	CONSTRAINT "trips_odometer_forward" CHECK ("trips"."odometer_end" >= "trips"."odometer_start"),
	CONSTRAINT "trips_soc_start_range" CHECK ("trips"."soc_start" is null or "trips"."soc_start" between 0 and 100),
	CONSTRAINT "trips_soc_end_range" CHECK ("trips"."soc_end" is null or "trips"."soc_end" between 0 and 100),
	CONSTRAINT "trips_ignition_non_negative" CHECK ("trips"."ignition_seconds" >= 0),
	CONSTRAINT "trips_energy_non_negative" CHECK ("trips"."energy_kwh" is null or "trips"."energy_kwh" >= 0),
	CONSTRAINT "trips_charged_non_negative" CHECK ("trips"."charged_kwh" is null or "trips"."charged_kwh" >= 0)
);
--> statement-breakpoint
ALTER TABLE "box_records" ADD CONSTRAINT "box_records_box_id_boxes_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."boxes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_records" ADD CONSTRAINT "box_records_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "box_records" ADD CONSTRAINT "box_records_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boxes" ADD CONSTRAINT "boxes_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_box_id_boxes_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."boxes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_jobs" ADD CONSTRAINT "gateway_jobs_certificate_id_key_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."key_certificates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_certificates" ADD CONSTRAINT "key_certificates_box_id_boxes_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."boxes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_certificates" ADD CONSTRAINT "key_certificates_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trips" ADD CONSTRAINT "trips_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trips" ADD CONSTRAINT "trips_box_id_boxes_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."boxes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "box_records_box_seq_key" ON "box_records" USING btree ("box_id","seq");--> statement-breakpoint
CREATE INDEX "box_records_booking_idx" ON "box_records" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "boxes_vehicle_key" ON "boxes" USING btree ("vehicle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "boxes_ble_address_key" ON "boxes" USING btree ("ble_address");--> statement-breakpoint
CREATE INDEX "gateway_jobs_station_state_idx" ON "gateway_jobs" USING btree ("station_id","state","created_at");--> statement-breakpoint
CREATE INDEX "gateway_jobs_booking_idx" ON "gateway_jobs" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gateways_token_hash_key" ON "gateways" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "gateways_station_name_key" ON "gateways" USING btree ("station_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "key_certificates_box_serial_key" ON "key_certificates" USING btree ("box_id","serial");--> statement-breakpoint
CREATE INDEX "key_certificates_booking_idx" ON "key_certificates" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trips_booking_key" ON "trips" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "trips_box_started_idx" ON "trips" USING btree ("box_id","started_at");