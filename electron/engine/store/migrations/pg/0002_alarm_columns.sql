ALTER TABLE "alarms" ALTER COLUMN "message" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "ref" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "cleared_by" text;