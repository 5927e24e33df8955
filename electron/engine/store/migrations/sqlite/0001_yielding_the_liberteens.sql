ALTER TABLE `notification_outbox` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `claimed_until` integer;--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `notification_outbox` (`created_at`);