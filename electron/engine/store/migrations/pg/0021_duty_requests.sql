CREATE TABLE "duty_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"group_id" integer NOT NULL,
	"input" jsonb NOT NULL,
	"requester" text NOT NULL,
	"requested_at" bigint NOT NULL,
	"state" text NOT NULL,
	"claimed_by" text,
	"progress" jsonb,
	"result" jsonb,
	"error" jsonb,
	"cancel" boolean DEFAULT false NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "duty_requests_state_idx" ON "duty_requests" USING btree ("state","group_id");