CREATE TABLE "refunds" (
	"provider" text NOT NULL,
	"refund_id" text NOT NULL,
	"provider_payment_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"donation_id" uuid,
	"booked_fen" bigint DEFAULT 0 NOT NULL,
	"entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_provider_refund_id_pk" PRIMARY KEY("provider","refund_id"),
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refunds_waiting_idx" ON "refunds" USING btree ("provider","provider_payment_id") WHERE "refunds"."donation_id" is null and not "refunds"."failed";--> statement-breakpoint
CREATE INDEX "refunds_failed_idx" ON "refunds" USING btree ("donation_id") WHERE "refunds"."failed";