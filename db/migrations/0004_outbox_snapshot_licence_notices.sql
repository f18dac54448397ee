CREATE TABLE "licence_expiry_notices" (
	"user_id" uuid NOT NULL,
	"valid_until" date NOT NULL,
	"noticed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_expiry_notices_pkey" PRIMARY KEY("user_id","valid_until")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "licence_expiry_notices" ADD CONSTRAINT "licence_expiry_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;