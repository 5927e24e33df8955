CREATE TABLE `poller_group_devices` (
	`device_id` integer PRIMARY KEY NOT NULL,
	`group_id` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `poller_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `poller_group_devices_group_idx` ON `poller_group_devices` (`group_id`);--> statement-breakpoint
CREATE TABLE `poller_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`pinned` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poller_groups_name_unique` ON `poller_groups` (`name`);--> statement-breakpoint
CREATE TABLE `poller_leases` (
	`group_id` integer PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`holder_label` text NOT NULL,
	`epoch` integer NOT NULL,
	`since` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `poller_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
