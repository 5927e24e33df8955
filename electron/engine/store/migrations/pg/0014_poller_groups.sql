CREATE TABLE "poller_group_devices" (
	"device_id" integer PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poller_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"pinned" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "poller_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "poller_leases" (
	"group_id" integer PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"holder_label" text NOT NULL,
	"epoch" bigint NOT NULL,
	"since" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poller_group_devices" ADD CONSTRAINT "poller_group_devices_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poller_group_devices" ADD CONSTRAINT "poller_group_devices_group_id_poller_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."poller_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poller_leases" ADD CONSTRAINT "poller_leases_group_id_poller_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."poller_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "poller_group_devices_group_idx" ON "poller_group_devices" USING btree ("group_id");