CREATE TABLE "backup_targets" (
	"device_id" integer PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"profile" text NOT NULL,
	"generic_profile" text,
	"port" integer NOT NULL,
	"username" text NOT NULL,
	"auth_kind" text NOT NULL,
	"sealed_secrets" text NOT NULL,
	"bound_host" text NOT NULL,
	"jump" text,
	"legacy_crypto" boolean NOT NULL,
	"mask_secrets" boolean NOT NULL,
	"schedule" text,
	"known_host_key" text,
	"offered_host_key" text,
	"last_run_at" bigint,
	"last_ok_at" bigint,
	"last_failure_code" text,
	"last_failure_detail" text,
	"last_duration_ms" integer,
	"weak_crypto" text,
	"current_hash" text
);
--> statement-breakpoint
CREATE TABLE "backup_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"device_id" integer NOT NULL,
	"taken_at" bigint NOT NULL,
	"hash" text NOT NULL,
	"bytes" integer NOT NULL,
	"lines_added" integer NOT NULL,
	"lines_removed" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backup_targets" ADD CONSTRAINT "backup_targets_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_versions" ADD CONSTRAINT "backup_versions_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backup_versions_device_idx" ON "backup_versions" USING btree ("device_id","taken_at");