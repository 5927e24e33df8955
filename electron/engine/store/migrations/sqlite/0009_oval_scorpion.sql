CREATE TABLE `device_state_changes` (
	`device_id` integer NOT NULL,
	`at` integer NOT NULL,
	`state` text NOT NULL,
	`cause` text,
	PRIMARY KEY(`device_id`, `at`),
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `device_state_changes_at_idx` ON `device_state_changes` (`at`);--> statement-breakpoint
CREATE TABLE `ping_daily` (
	`device_id` integer NOT NULL,
	`day` integer NOT NULL,
	`samples` integer NOT NULL,
	`min_ms` real,
	`avg_ms` real,
	`max_ms` real,
	`loss_pct` real NOT NULL,
	`up_pct` real NOT NULL,
	PRIMARY KEY(`device_id`, `day`),
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
