CREATE TYPE "public"."person_token_purpose" AS ENUM('invitation', 'password_reset');--> statement-breakpoint
CREATE TABLE "mail_opt_outs" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_address_counts" (
	"address" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "password_reset_address_counts_attempts_positive" CHECK ("password_reset_address_counts"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "person_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "person_token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_tokens_expires_after_created" CHECK ("person_tokens"."expires_at" > "person_tokens"."created_at")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_opt_outs" ADD CONSTRAINT "mail_opt_outs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_tokens" ADD CONSTRAINT "person_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_opt_outs_user_kind_key" ON "mail_opt_outs" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "password_reset_address_counts_window_idx" ON "password_reset_address_counts" USING btree ("window_started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "person_tokens_token_hash_key" ON "person_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "person_tokens_user_purpose_idx" ON "person_tokens" USING btree ("user_id","purpose");