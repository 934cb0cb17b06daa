CREATE TABLE "ledger_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"full_check" boolean NOT NULL,
	"through_entry_id" bigint NOT NULL,
	"entries" integer NOT NULL,
	"head_hash" text NOT NULL,
	"broken_entry_id" bigint,
	"problem" text,
	"balance_mismatches" integer
);
--> statement-breakpoint
CREATE INDEX "ledger_checks_full_idx" ON "ledger_checks" USING btree ("id") WHERE "ledger_checks"."full_check";