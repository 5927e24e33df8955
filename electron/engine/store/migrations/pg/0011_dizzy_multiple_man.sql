CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL,
	"password_changed_at" bigint NOT NULL,
	CONSTRAINT "users_name_unique" UNIQUE("name")
);
