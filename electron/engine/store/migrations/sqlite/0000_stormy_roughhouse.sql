-- Hand edit: the rollup tables are WITHOUT ROWID (clustered on their primary key), which
-- drizzle-kit cannot express; it halves their size, the largest tables of the store.
CREATE TABLE `alarms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`device_id` integer,
	`tower_id` integer,
	`type` text NOT NULL,
	`severity` text NOT NULL,
	`state` text NOT NULL,
	`message` text NOT NULL,
	`affected` integer DEFAULT 0 NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`cleared_at` integer,
	`note` text,
	`open_key` text,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`tower_id`) REFERENCES `towers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alarms_open_key_idx` ON `alarms` (`open_key`);--> statement-breakpoint
CREATE INDEX `alarms_state_idx` ON `alarms` (`state`,`raised_at`);--> statement-breakpoint
CREATE INDEX `alarms_device_idx` ON `alarms` (`device_id`,`raised_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
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
CREATE TABLE `device_status` (
	`device_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`since` integer NOT NULL,
	`last_check` integer,
	`rtt_ms` real,
	`loss_pct` real,
	`cause` text,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`host` text NOT NULL,
	`kind` text NOT NULL,
	`vendor` text DEFAULT '' NOT NULL,
	`model` text DEFAULT '' NOT NULL,
	`tower_id` integer,
	`parent_id` integer,
	`tags` text DEFAULT '[]' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`maintenance_until` integer,
	`maintenance_by` text,
	`maintenance_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tower_id`) REFERENCES `towers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_host_unique` ON `devices` (`host`);--> statement-breakpoint
CREATE INDEX `devices_tower_idx` ON `devices` (`tower_id`);--> statement-breakpoint
CREATE INDEX `devices_parent_idx` ON `devices` (`parent_id`);--> statement-breakpoint
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
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `notification_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`destination` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_outbox_idempotency_key_unique` ON `notification_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `notification_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `ping_rollups` (
	`device_id` integer NOT NULL,
	`bucket` integer NOT NULL,
	`samples` integer NOT NULL,
	`min_ms` real,
	`avg_ms` real,
	`max_ms` real,
	`loss_pct` real NOT NULL,
	`up_pct` real NOT NULL,
	PRIMARY KEY(`device_id`, `bucket`),
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `ping_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`at` integer NOT NULL,
	`rtt_ms` real,
	`min_ms` real,
	`max_ms` real,
	`jitter_ms` real,
	`loss_pct` real NOT NULL,
	`state` text NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ping_samples_device_at_idx` ON `ping_samples` (`device_id`,`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `towers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`maintenance_until` integer,
	`maintenance_by` text,
	`maintenance_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `towers_code_unique` ON `towers` (`code`);--> statement-breakpoint
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
) WITHOUT ROWID;
