CREATE TABLE `self_health_samples` (
	`at` integer PRIMARY KEY NOT NULL,
	`cycle_ms` real,
	`devices_per_s` real,
	`writer_queue` integer NOT NULL,
	`outbox_backlog` integer,
	`store_write_ms` real,
	`worker_restarts` integer NOT NULL,
	`rss_mb` real NOT NULL
);
--> statement-breakpoint
ALTER TABLE `synthetic_checks` ADD `uplink` integer DEFAULT false NOT NULL;