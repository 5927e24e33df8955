-- Raw samples and rollups partitioned by UTC day on their time column, so that retention drops
-- whole days instead of deleting rows one by one (at 100,000 devices a day holds millions). The
-- engine creates each day's partition ahead of time (store/pg-partitions.ts); a row with no
-- partition ready lands in the default one and moves to its day's partition when that is made.
-- Existing rows go to the default partition here and move the same way at the engine's start.
ALTER TABLE "ping_samples" RENAME TO "ping_samples_unpartitioned";--> statement-breakpoint
ALTER TABLE "ping_samples_unpartitioned" RENAME CONSTRAINT "ping_samples_pkey" TO "ping_samples_unpartitioned_pkey";--> statement-breakpoint
ALTER TABLE "ping_samples_unpartitioned" RENAME CONSTRAINT "ping_samples_device_id_devices_id_fk" TO "ping_samples_unpartitioned_device_fk";--> statement-breakpoint
ALTER INDEX "ping_samples_device_at_idx" RENAME TO "ping_samples_unpartitioned_device_at_idx";--> statement-breakpoint
CREATE TABLE "ping_samples" (
	"id" bigint DEFAULT nextval('ping_samples_id_seq') NOT NULL,
	"device_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"rtt_ms" double precision,
	"min_ms" double precision,
	"max_ms" double precision,
	"jitter_ms" double precision,
	"loss_pct" double precision NOT NULL,
	"state" text NOT NULL,
	CONSTRAINT "ping_samples_id_at_pk" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
ALTER SEQUENCE "ping_samples_id_seq" OWNED BY "ping_samples"."id";--> statement-breakpoint
ALTER TABLE "ping_samples" ADD CONSTRAINT "ping_samples_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ping_samples_device_at_idx" ON "ping_samples" USING btree ("device_id","at");--> statement-breakpoint
CREATE TABLE "ping_samples_default" PARTITION OF "ping_samples" DEFAULT;--> statement-breakpoint
INSERT INTO "ping_samples" SELECT * FROM "ping_samples_unpartitioned";--> statement-breakpoint
DROP TABLE "ping_samples_unpartitioned";--> statement-breakpoint
ALTER TABLE "ping_rollups" RENAME TO "ping_rollups_unpartitioned";--> statement-breakpoint
ALTER TABLE "ping_rollups_unpartitioned" RENAME CONSTRAINT "ping_rollups_device_id_bucket_pk" TO "ping_rollups_unpartitioned_pk";--> statement-breakpoint
ALTER TABLE "ping_rollups_unpartitioned" RENAME CONSTRAINT "ping_rollups_device_id_devices_id_fk" TO "ping_rollups_unpartitioned_device_fk";--> statement-breakpoint
CREATE TABLE "ping_rollups" (
	"device_id" integer NOT NULL,
	"bucket" bigint NOT NULL,
	"samples" integer NOT NULL,
	"min_ms" double precision,
	"avg_ms" double precision,
	"max_ms" double precision,
	"loss_pct" double precision NOT NULL,
	"up_pct" double precision NOT NULL,
	CONSTRAINT "ping_rollups_device_id_bucket_pk" PRIMARY KEY("device_id","bucket")
) PARTITION BY RANGE ("bucket");--> statement-breakpoint
ALTER TABLE "ping_rollups" ADD CONSTRAINT "ping_rollups_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "ping_rollups_default" PARTITION OF "ping_rollups" DEFAULT;--> statement-breakpoint
INSERT INTO "ping_rollups" SELECT * FROM "ping_rollups_unpartitioned";--> statement-breakpoint
DROP TABLE "ping_rollups_unpartitioned";
