CREATE TABLE "optical_card_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"endpoint_id" integer NOT NULL,
	"card_uid" text NOT NULL,
	"site" text NOT NULL,
	"at" bigint NOT NULL,
	"change" text NOT NULL,
	"fields" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "optical_cards" (
	"endpoint_id" integer NOT NULL,
	"card_uid" text NOT NULL,
	"site" text NOT NULL,
	"name" text NOT NULL,
	"model" text NOT NULL,
	"family" text NOT NULL,
	"part" text NOT NULL,
	"serial" text NOT NULL,
	"firmware" text NOT NULL,
	"is_active" boolean,
	"first_seen_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"removed_at" bigint,
	CONSTRAINT "optical_cards_endpoint_id_card_uid_pk" PRIMARY KEY("endpoint_id","card_uid")
);
--> statement-breakpoint
CREATE TABLE "optical_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"endpoint_id" integer NOT NULL,
	"uid" text NOT NULL,
	"card_uid" text NOT NULL,
	"key" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "optical_rollups" (
	"measure_id" integer NOT NULL,
	"resolution" text NOT NULL,
	"bucket" bigint NOT NULL,
	"samples" integer NOT NULL,
	"min" double precision NOT NULL,
	"avg" double precision NOT NULL,
	"max" double precision NOT NULL,
	CONSTRAINT "optical_rollups_measure_id_resolution_bucket_pk" PRIMARY KEY("measure_id","resolution","bucket")
);
--> statement-breakpoint
CREATE TABLE "optical_samples" (
	"measure_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "optical_samples_measure_id_at_pk" PRIMARY KEY("measure_id","at")
);
--> statement-breakpoint
CREATE TABLE "optical_sites" (
	"endpoint_id" integer NOT NULL,
	"site" text NOT NULL,
	"tower_id" integer,
	CONSTRAINT "optical_sites_endpoint_id_site_pk" PRIMARY KEY("endpoint_id","site")
);
--> statement-breakpoint
ALTER TABLE "optical_sites" ADD CONSTRAINT "optical_sites_tower_id_towers_id_fk" FOREIGN KEY ("tower_id") REFERENCES "public"."towers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "optical_card_events_at_idx" ON "optical_card_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "optical_measures_uid_idx" ON "optical_measures" USING btree ("endpoint_id","uid");--> statement-breakpoint
CREATE INDEX "optical_samples_at_idx" ON "optical_samples" USING btree ("at");