CREATE TABLE "self_health_samples" (
	"at" bigint PRIMARY KEY NOT NULL,
	"cycle_ms" double precision,
	"devices_per_s" double precision,
	"writer_queue" integer NOT NULL,
	"outbox_backlog" integer,
	"store_write_ms" double precision,
	"worker_restarts" integer NOT NULL,
	"rss_mb" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "synthetic_checks" ADD COLUMN "uplink" boolean DEFAULT false NOT NULL;