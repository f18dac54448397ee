-- Rows from before the region file named the cases keep their old wording ("Fahrzeuge von Stadt
-- Brandis", "bei Stadt Brandis") until the seed writes the region's forms.
ALTER TABLE "municipalities" ADD COLUMN "name_genitive" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "name_dative" text;--> statement-breakpoint
UPDATE "municipalities" SET "name_genitive" = 'von ' || "name", "name_dative" = "name";--> statement-breakpoint
ALTER TABLE "municipalities" ALTER COLUMN "name_genitive" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ALTER COLUMN "name_dative" SET NOT NULL;
