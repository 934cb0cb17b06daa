-- Refunds reported ahead of their payment used to wait as a running total per payment: each becomes one refund.
INSERT INTO "refunds" ("provider", "refund_id", "provider_payment_id", "amount_fen")
SELECT "provider", 'total:' || "provider_payment_id", "provider_payment_id", "refunded_total_fen" FROM "pending_refunds" WHERE "refunded_total_fen" > 0;
--> statement-breakpoint
DROP TABLE "pending_refunds" CASCADE;
