CREATE TABLE `synthetic_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`spec` text NOT NULL,
	`interval_s` integer NOT NULL,
	`timeout_ms` integer NOT NULL,
	`enabled` integer NOT NULL,
	`severity` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `synthetic_results` (
	`check_id` integer NOT NULL,
	`at` integer NOT NULL,
	`ok` integer NOT NULL,
	`total_ms` real NOT NULL,
	`dns_ms` real,
	`connect_ms` real,
	`tls_ms` real,
	`first_byte_ms` real,
	`status` integer,
	`error` text,
	`detail` text,
	PRIMARY KEY(`check_id`, `at`),
	FOREIGN KEY (`check_id`) REFERENCES `synthetic_checks`(`id`) ON UPDATE no action ON DELETE cascade
);
