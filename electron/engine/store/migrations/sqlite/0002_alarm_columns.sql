ALTER TABLE `alarms` ADD `ref` text;--> statement-breakpoint
ALTER TABLE `alarms` ADD `params` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `alarms` ADD `cleared_by` text;
