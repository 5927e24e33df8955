CREATE TABLE `topology_proposals` (
	`child_id` integer NOT NULL,
	`parent_id` integer NOT NULL,
	`observer_id` integer NOT NULL,
	`protocol` text NOT NULL,
	`port` text NOT NULL,
	`state` text NOT NULL,
	`seen_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	PRIMARY KEY(`child_id`, `parent_id`),
	FOREIGN KEY (`child_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
