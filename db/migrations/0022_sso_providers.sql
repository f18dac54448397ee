CREATE TYPE "public"."sso_claim_test" AS ENUM('equals', 'contains', 'ends_with');--> statement-breakpoint
CREATE TABLE "sso_mapping_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"claim" text NOT NULL,
	"test" "sso_claim_test" NOT NULL,
	"value" text NOT NULL,
	"role" "role",
	"municipality_id" uuid,
	CONSTRAINT "sso_mapping_rules_one_target" CHECK (("sso_mapping_rules"."role" is null) <> ("sso_mapping_rules"."municipality_id" is null)),
	CONSTRAINT "sso_mapping_rules_no_operator" CHECK ("sso_mapping_rules"."role" is distinct from 'operator')
);
--> statement-breakpoint
CREATE TABLE "sso_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret" text NOT NULL,
	"scopes" text DEFAULT 'openid email profile' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sso_mapping_rules" ADD CONSTRAINT "sso_mapping_rules_provider_id_sso_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."sso_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_mapping_rules" ADD CONSTRAINT "sso_mapping_rules_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_providers" ADD CONSTRAINT "sso_providers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_mapping_rules_provider_position_key" ON "sso_mapping_rules" USING btree ("provider_id","position");--> statement-breakpoint
CREATE INDEX "sso_mapping_rules_municipality_idx" ON "sso_mapping_rules" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_providers_municipality_name_key" ON "sso_providers" USING btree ("municipality_id","name");