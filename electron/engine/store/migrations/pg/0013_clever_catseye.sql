CREATE TABLE "topology_proposals" (
	"child_id" integer NOT NULL,
	"parent_id" integer NOT NULL,
	"observer_id" integer NOT NULL,
	"protocol" text NOT NULL,
	"port" text NOT NULL,
	"state" text NOT NULL,
	"seen_at" bigint NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	CONSTRAINT "topology_proposals_child_id_parent_id_pk" PRIMARY KEY("child_id","parent_id")
);
--> statement-breakpoint
ALTER TABLE "topology_proposals" ADD CONSTRAINT "topology_proposals_child_id_devices_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topology_proposals" ADD CONSTRAINT "topology_proposals_parent_id_devices_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;