CREATE TABLE "synthetic_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"spec" text NOT NULL,
	"interval_s" integer NOT NULL,
	"timeout_ms" integer NOT NULL,
	"enabled" boolean NOT NULL,
	"severity" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "synthetic_results" (
	"check_id" integer NOT NULL,
	"at" bigint NOT NULL,
	"ok" boolean NOT NULL,
	"total_ms" double precision NOT NULL,
	"dns_ms" double precision,
	"connect_ms" double precision,
	"tls_ms" double precision,
	"first_byte_ms" double precision,
	"status" integer,
	"error" text,
	"detail" text,
	CONSTRAINT "synthetic_results_check_id_at_pk" PRIMARY KEY("check_id","at")
);
--> statement-breakpoint
ALTER TABLE "synthetic_results" ADD CONSTRAINT "synthetic_results_check_id_synthetic_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."synthetic_checks"("id") ON DELETE cascade ON UPDATE no action;