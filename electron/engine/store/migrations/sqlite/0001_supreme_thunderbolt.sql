CREATE TABLE `device_snmp` (
	`device_id` integer PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`port` integer NOT NULL,
	`version` text NOT NULL,
	`user` text,
	`sealed_credentials` text NOT NULL,
	`interval_s` integer NOT NULL,
	`last_poll_at` integer,
	`last_error` text,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interface_rollups` (
	`device_id` integer NOT NULL,
	`if_index` integer NOT NULL,
	`bucket` integer NOT NULL,
	`samples` integer NOT NULL,
	`in_bps_avg` real,
	`in_bps_max` real,
	`out_bps_avg` real,
	`out_bps_max` real,
	`errors_per_sec_avg` real,
	`discards_per_sec_avg` real,
	`utilization_max_pct` real,
	PRIMARY KEY(`device_id`, `if_index`, `bucket`),
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interface_rollups_bucket_idx` ON `interface_rollups` (`bucket`);--> statement-breakpoint
CREATE TABLE `wireless_rollups` (
	`device_id` integer NOT NULL,
	`bucket` integer NOT NULL,
	`samples` integer NOT NULL,
	`signal_avg_dbm` real,
	`signal_min_dbm` real,
	`noise_floor_dbm` real,
	`ccq_avg_pct` real,
	`capacity_avg_pct` real,
	`clients_max` integer NOT NULL,
	PRIMARY KEY(`device_id`, `bucket`),
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wireless_rollups_bucket_idx` ON `wireless_rollups` (`bucket`);