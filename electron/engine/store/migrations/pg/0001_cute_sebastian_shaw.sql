ALTER TABLE "notification_outbox" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "claimed_until" bigint;--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "notification_outbox" USING btree ("created_at");