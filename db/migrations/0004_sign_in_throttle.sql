CREATE TABLE "sign_in_account_failures" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"notified_at" timestamp with time zone,
	CONSTRAINT "sign_in_account_failures_failures_positive" CHECK ("sign_in_account_failures"."failures" >= 0),
	CONSTRAINT "sign_in_account_failures_email_lower" CHECK ("sign_in_account_failures"."email" = lower("sign_in_account_failures"."email"))
);
--> statement-breakpoint
CREATE TABLE "sign_in_address_counts" (
	"address" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_address_counts_attempts_positive" CHECK ("sign_in_address_counts"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX "sign_in_account_failures_last_idx" ON "sign_in_account_failures" USING btree ("last_failure_at");--> statement-breakpoint
CREATE INDEX "sign_in_address_counts_window_idx" ON "sign_in_address_counts" USING btree ("window_started_at");