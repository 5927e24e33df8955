CREATE TABLE `optical_card_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`card_uid` text NOT NULL,
	`site` text NOT NULL,
	`at` integer NOT NULL,
	`change` text NOT NULL,
	`fields` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `optical_card_events_at_idx` ON `optical_card_events` (`at`);--> statement-breakpoint
CREATE TABLE `optical_cards` (
	`endpoint_id` integer NOT NULL,
	`card_uid` text NOT NULL,
	`site` text NOT NULL,
	`name` text NOT NULL,
	`model` text NOT NULL,
	`family` text NOT NULL,
	`part` text NOT NULL,
	`serial` text NOT NULL,
	`firmware` text NOT NULL,
	`is_active` integer,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`removed_at` integer,
	PRIMARY KEY(`endpoint_id`, `card_uid`)
);
--> statement-breakpoint
CREATE TABLE `optical_measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`uid` text NOT NULL,
	`card_uid` text NOT NULL,
	`key` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `optical_measures_uid_idx` ON `optical_measures` (`endpoint_id`,`uid`);--> statement-breakpoint
CREATE TABLE `optical_rollups` (
	`measure_id` integer NOT NULL,
	`resolution` text NOT NULL,
	`bucket` integer NOT NULL,
	`samples` integer NOT NULL,
	`min` real NOT NULL,
	`avg` real NOT NULL,
	`max` real NOT NULL,
	PRIMARY KEY(`measure_id`, `resolution`, `bucket`)
);
--> statement-breakpoint
CREATE TABLE `optical_samples` (
	`measure_id` integer NOT NULL,
	`at` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`measure_id`, `at`)
);
--> statement-breakpoint
CREATE INDEX `optical_samples_at_idx` ON `optical_samples` (`at`);--> statement-breakpoint
CREATE TABLE `optical_sites` (
	`endpoint_id` integer NOT NULL,
	`site` text NOT NULL,
	`tower_id` integer,
	PRIMARY KEY(`endpoint_id`, `site`),
	FOREIGN KEY (`tower_id`) REFERENCES `towers`(`id`) ON UPDATE no action ON DELETE set null
);
