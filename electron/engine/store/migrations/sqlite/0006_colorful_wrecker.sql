CREATE TABLE `backup_targets` (
	`device_id` integer PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`profile` text NOT NULL,
	`generic_profile` text,
	`port` integer NOT NULL,
	`username` text NOT NULL,
	`auth_kind` text NOT NULL,
	`sealed_secrets` text NOT NULL,
	`bound_host` text NOT NULL,
	`jump` text,
	`legacy_crypto` integer NOT NULL,
	`mask_secrets` integer NOT NULL,
	`schedule` text,
	`known_host_key` text,
	`offered_host_key` text,
	`last_run_at` integer,
	`last_ok_at` integer,
	`last_failure_code` text,
	`last_failure_detail` text,
	`last_duration_ms` integer,
	`weak_crypto` text,
	`current_hash` text,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `backup_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`hash` text NOT NULL,
	`bytes` integer NOT NULL,
	`lines_added` integer NOT NULL,
	`lines_removed` integer NOT NULL,
	`content` blob NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `backup_versions_device_idx` ON `backup_versions` (`device_id`,`taken_at`);