CREATE TABLE "device_state_changes" (
	"device_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"state" text NOT NULL,
	"cause" text,
	CONSTRAINT "device_state_changes_device_id_at_pk" PRIMARY KEY("device_id","at")
);
--> statement-breakpoint
CREATE TABLE "ping_daily" (
	"device_id" integer NOT NULL,
	"day" bigint NOT NULL,
	"samples" integer NOT NULL,
	"min_ms" double precision,
	"avg_ms" double precision,
	"max_ms" double precision,
	"loss_pct" double precision NOT NULL,
	"up_pct" double precision NOT NULL,
	CONSTRAINT "ping_daily_device_id_day_pk" PRIMARY KEY("device_id","day")
);
--> statement-breakpoint
ALTER TABLE "device_state_changes" ADD CONSTRAINT "device_state_changes_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_daily" ADD CONSTRAINT "ping_daily_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_state_changes_at_idx" ON "device_state_changes" USING btree ("at");