CREATE TABLE "alarms" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"device_id" integer,
	"tower_id" integer,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"state" text NOT NULL,
	"message" text NOT NULL,
	"affected" integer DEFAULT 0 NOT NULL,
	"raised_at" bigint NOT NULL,
	"acknowledged_at" bigint,
	"acknowledged_by" text,
	"cleared_at" bigint,
	"note" text,
	"open_key" text
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"details" text NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "device_status" (
	"device_id" integer PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"since" bigint NOT NULL,
	"last_check" bigint,
	"rtt_ms" double precision,
	"loss_pct" double precision,
	"cause" text
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"kind" text NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"tower_id" integer,
	"parent_id" integer,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"maintenance_until" bigint,
	"maintenance_by" text,
	"maintenance_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "devices_host_unique" UNIQUE("host")
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
CREATE TABLE "notification_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"destination" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_error" text,
	"created_at" bigint NOT NULL,
	"sent_at" bigint,
	CONSTRAINT "notification_outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
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
);
--> statement-breakpoint
CREATE TABLE "ping_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"rtt_ms" double precision,
	"min_ms" double precision,
	"max_ms" double precision,
	"jitter_ms" double precision,
	"loss_pct" double precision NOT NULL,
	"state" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "towers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"maintenance_until" bigint,
	"maintenance_by" text,
	"maintenance_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "towers_code_unique" UNIQUE("code")
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
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_tower_id_towers_id_fk" FOREIGN KEY ("tower_id") REFERENCES "public"."towers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_snmp" ADD CONSTRAINT "device_snmp_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_status" ADD CONSTRAINT "device_status_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_tower_id_towers_id_fk" FOREIGN KEY ("tower_id") REFERENCES "public"."towers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_parent_id_devices_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interface_rollups" ADD CONSTRAINT "interface_rollups_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_rollups" ADD CONSTRAINT "ping_rollups_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_samples" ADD CONSTRAINT "ping_samples_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wireless_rollups" ADD CONSTRAINT "wireless_rollups_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_open_key_idx" ON "alarms" USING btree ("open_key");--> statement-breakpoint
CREATE INDEX "alarms_state_idx" ON "alarms" USING btree ("state","raised_at");--> statement-breakpoint
CREATE INDEX "alarms_device_idx" ON "alarms" USING btree ("device_id","raised_at");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "devices_tower_idx" ON "devices" USING btree ("tower_id");--> statement-breakpoint
CREATE INDEX "devices_parent_idx" ON "devices" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "notification_outbox" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "ping_samples_device_at_idx" ON "ping_samples" USING btree ("device_id","at");