CREATE INDEX "alarms_raised_at_idx" ON "alarms" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "alarms_acknowledged_at_idx" ON "alarms" USING btree ("acknowledged_at");--> statement-breakpoint
CREATE INDEX "alarms_cleared_at_idx" ON "alarms" USING btree ("cleared_at");