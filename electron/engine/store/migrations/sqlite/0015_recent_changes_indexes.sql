CREATE INDEX `alarms_raised_at_idx` ON `alarms` (`raised_at`);--> statement-breakpoint
CREATE INDEX `alarms_acknowledged_at_idx` ON `alarms` (`acknowledged_at`);--> statement-breakpoint
CREATE INDEX `alarms_cleared_at_idx` ON `alarms` (`cleared_at`);