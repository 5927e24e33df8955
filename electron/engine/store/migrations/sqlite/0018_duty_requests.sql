CREATE TABLE `duty_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`group_id` integer NOT NULL,
	`input` text NOT NULL,
	`requester` text NOT NULL,
	`requested_at` integer NOT NULL,
	`state` text NOT NULL,
	`claimed_by` text,
	`progress` text,
	`result` text,
	`error` text,
	`cancel` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `duty_requests_state_idx` ON `duty_requests` (`state`,`group_id`);