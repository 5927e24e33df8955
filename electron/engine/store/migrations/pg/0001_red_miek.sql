CREATE TABLE "device_snmp" (
	"device_id" integer PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"port" integer NOT NULL,
	"version" text NOT NULL,
	"user" text,
	"sealed_credentials" text NOT NULL,
	"interval_s" integer NOT NULL,
	"last_poll_at" bigint,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "interface_rollups" (
	"device_id" integer NOT NULL,
	"if_index" integer NOT NULL,
	"bucket" bigint NOT NULL,
	"samples" integer NOT NULL,
	"in_bps_avg" double precision,
	"in_bps_max" double precision,
	"out_bps_avg" double precision,
	"out_bps_max" double precision,
	"errors_per_sec_avg" double precision,
	"discards_per_sec_avg" double precision,
	"utilization_max_pct" double precision,
	CONSTRAINT "interface_rollups_device_id_if_index_bucket_pk" PRIMARY KEY("device_id","if_index","bucket")
);
--> statement-breakpoint
CREATE TABLE "wireless_rollups" (
	"device_id" integer NOT NULL,
	"bucket" bigint NOT NULL,
	"samples" integer NOT NULL,
	"signal_avg_dbm" double precision,
	"signal_min_dbm" double precision,
	"noise_floor_dbm" double precision,
	"ccq_avg_pct" double precision,
	"capacity_avg_pct" double precision,
	"clients_max" integer NOT NULL,
	CONSTRAINT "wireless_rollups_device_id_bucket_pk" PRIMARY KEY("device_id","bucket")
);
--> statement-breakpoint
ALTER TABLE "device_snmp" ADD CONSTRAINT "device_snmp_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interface_rollups" ADD CONSTRAINT "interface_rollups_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wireless_rollups" ADD CONSTRAINT "wireless_rollups_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interface_rollups_bucket_idx" ON "interface_rollups" USING btree ("bucket");--> statement-breakpoint
CREATE INDEX "wireless_rollups_bucket_idx" ON "wireless_rollups" USING btree ("bucket");