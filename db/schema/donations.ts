import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { donationStatusEnum, planStatusEnum } from './enums';
import { users } from './people';
import { projects } from './projects';

/** A monthly giving plan (月捐), one processor subscription. */
export const recurringPlans = pgTable(
  'recurring_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    donorId: uuid('donor_id').references(() => users.id),
    projectId: uuid('project_id').references(() => projects.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: planStatusEnum('status').notNull().default('pending'),
    provider: text('provider').notNull(),
    providerSubscriptionId: text('provider_subscription_id').unique(),
    /** The checkout that set the plan up; each paid invoice becomes one donation. */
    providerSessionId: text('provider_session_id').unique(),
    /** Same form submission → same plan: the processor's idempotency key is derived from it. */
    intentKey: text('intent_key').unique(),
    displayName: text('display_name'),
    anonymous: boolean('anonymous').notNull().default(false),
    message: text('message'),
    contactCiphertext: text('contact_ciphertext'),
    /** Copied onto each monthly donation, so each can have its official receipt. */
    receiptRequested: boolean('receipt_requested').notNull().default(false),
    receiptCiphertext: text('receipt_ciphertext'),
    piiKeyId: text('pii_key_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('plans_amount_positive', sql`${t.amountFen} > 0`),
    index('recurring_plans_donor_idx').on(t.donorId, t.createdAt),
  ],
);

/**
 * One gift into the special fund: restricted to a project (定向) or to the general fund (非定向) when
 * projectId is null. Its status only moves forward; the ledger, not this row, is the book of record.
 */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').references(() => projects.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    status: donationStatusEnum('status').notNull().default('pending'),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    feeFen: bigint('fee_fen', { mode: 'number' }).notNull().default(0),
    donorId: uuid('donor_id').references(() => users.id),
    planId: uuid('plan_id').references(() => recurringPlans.id),
    displayName: text('display_name'),
    anonymous: boolean('anonymous').notNull().default(false),
    message: text('message'),
    contactCiphertext: text('contact_ciphertext'),
    receiptRequested: boolean('receipt_requested').notNull().default(false),
    receiptCiphertext: text('receipt_ciphertext'),
    receiptNumber: text('receipt_number'),
    receiptIssuedAt: timestamp('receipt_issued_at', { withTimezone: true }),
    receiptIssuedById: uuid('receipt_issued_by_id').references(() => users.id),
    piiKeyId: text('pii_key_id'),
    provider: text('provider').notNull(),
    providerSessionId: text('provider_session_id').unique(),
    providerPaymentId: text('provider_payment_id'),
    providerInvoiceId: text('provider_invoice_id').unique(),
    certificateNo: text('certificate_no').unique(),
    /** Same form submission → same donation: the processor's idempotency key is derived from it. */
    intentKey: text('intent_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('donations_amount_positive', sql`${t.amountFen} > 0`),
    check('donations_refund_range', sql`${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.amountFen}`),
    check('donations_fee_range', sql`${t.feeFen} >= 0 and ${t.feeFen} <= ${t.amountFen}`),
    check('donations_currency', sql`${t.currency} = 'CNY'`),
    check('donations_paid_has_certificate', sql`${t.status} not in ('paid','partially_refunded','refunded') or ${t.certificateNo} is not null`),
    index('donations_project_idx').on(t.projectId, t.status),
    index('donations_donor_idx').on(t.donorId, t.createdAt),
    index('donations_status_idx').on(t.status, t.paidAt),
    index('donations_payment_idx').on(t.provider, t.providerPaymentId),
    index('donations_plan_idx').on(t.planId),
    // The administrators' list and export, newest first.
    index('donations_created_idx').on(t.createdAt, t.id),
    // Official receipt requests, a few among a million gifts.
    index('donations_receipt_idx').on(t.paidAt).where(sql`${t.receiptRequested}`),
    check('donations_receipt_number', sql`${t.receiptNumber} is null or ${t.receiptRequested}`),
  ],
);

/** Each processor event id is recorded once, in the same transaction as its effects. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/**
 * Each refund the processor reports, by its own id. Its amount is booked once, when the payment it refunds is
 * confirmed (until then `donation_id` is null: reported ahead of its payment). A refund that fails or is cancelled
 * afterwards is marked so, once, and its booking reversed: the money is back in the programme's account. A failure
 * is final — a later, older report of the same refund changes nothing.
 */
export const refunds = pgTable(
  'refunds',
  {
    provider: text('provider').notNull(),
    refundId: text('refund_id').notNull(),
    providerPaymentId: text('provider_payment_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    failed: boolean('failed').notNull().default(false),
    donationId: uuid('donation_id').references(() => donations.id),
    /** What was booked: the amount, or less when the gift had less left unrefunded. */
    bookedFen: bigint('booked_fen', { mode: 'number' }).notNull().default(0),
    entryId: bigint('entry_id', { mode: 'number' }),
    /** The rest of a refund first booked short, booked once the refund that held it up failed (lib/donations/refund.ts). */
    restEntryId: bigint('rest_entry_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.refundId] }),
    index('refunds_waiting_idx').on(t.provider, t.providerPaymentId).where(sql`${t.donationId} is null and not ${t.failed}`),
    index('refunds_failed_idx').on(t.donationId).where(sql`${t.failed}`),
    check('refunds_amount_positive', sql`${t.amountFen} > 0`),
  ],
);

/**
 * A paid gift whose processor fee is still to be learnt (Stripe puts it on the charge's balance transaction, not in
 * the event): booked with the gift's payment, then reconciled in batches off the request path (lib/donations/fee.ts).
 * A row is deleted in the transaction that books its fee, so a fee is booked once however many reconcilers run.
 */
export const feesDue = pgTable(
  'fees_due',
  {
    donationId: uuid('donation_id')
      .primaryKey()
      .references(() => donations.id),
    provider: text('provider').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextTryAt: timestamp('next_try_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fees_due_next_try_idx').on(t.provider, t.nextTryAt)],
);
