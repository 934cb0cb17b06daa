CREATE TABLE "fees_due" (
	"donation_id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_try_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fees_due" ADD CONSTRAINT "fees_due_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fees_due_next_try_idx" ON "fees_due" USING btree ("provider","next_try_at");