/**
 * The processor behind one interface. Stripe is the first; the demo processor serves machines with no keys;
 * direct WeChat Pay / Alipay merchant adapters can be added beside them.
 */
export type ProviderName = 'stripe' | 'demo';
export type PaymentMethod = 'card' | 'alipay' | 'wechat_pay';

export type CheckoutRequest = {
  /** A one-off gift (donation id) or the set-up of a monthly plan (plan id). */
  kind: 'one_off' | 'monthly';
  referenceId: string;
  amountFen: number;
  /** What the donor sees on the processor's page, e.g. "捐赠 · 智慧果". */
  description: string;
  successUrl: string;
  cancelUrl: string;
  /** The same donation intent always sends the same key, so a retried request never makes a second session. */
  idempotencyKey: string;
};

export type CheckoutResult = { sessionId: string; redirectUrl: string };

export type RefundRequest = {
  donationId: string;
  providerPaymentId: string | null;
  providerInvoiceId: string | null;
  amountFen: number;
  idempotencyKey: string;
};

/**
 * A verified processor notification in our own terms. Every processor's events end up as one of these and go
 * through applyPaymentEvent, which records the event id once and moves the donation forward.
 */
export type PaymentEvent =
  // feeFollows: the processor keeps a fee it does not state in the event; it is looked up later (lib/donations/fee.ts).
  | { kind: 'checkout_paid'; donationId: string; providerPaymentId: string | null; amountFen: number; paidAt: Date; feeFollows?: boolean }
  // Failed and expired name their checkout session: only the donation's (or plan's) current one ends it.
  | { kind: 'checkout_failed'; donationId: string; sessionId: string }
  | { kind: 'checkout_expired'; donationId: string; sessionId: string }
  | { kind: 'plan_checkout_expired'; planId: string; sessionId: string }
  // One refund, by the processor's id, as it stands now: under way or through, or failed (money back with us) — final.
  | { kind: 'refund'; providerPaymentId: string; refundId: string; amountFen: number; failed: boolean }
  | { kind: 'plan_started'; planId: string; subscriptionId: string }
  | {
      kind: 'plan_invoice_paid';
      planId: string;
      subscriptionId: string | null;
      invoiceId: string;
      amountFen: number;
      providerPaymentId: string | null;
      paidAt: Date;
      feeFollows?: boolean;
    }
  | { kind: 'plan_ended'; subscriptionId: string }
  | { kind: 'ignored'; reason: string };

/** What a processor says happened, in our terms: from its webhook, or from its answer to a request (a refund, a demo cancellation). */
export type SettledEvent = { eventId: string; type: string; event: PaymentEvent };

export type PaymentProvider = {
  name: ProviderName;
  createCheckout(request: CheckoutRequest): Promise<CheckoutResult>;
  /** The refund as the processor answers it (under way, through, or failed), to be booked at once. */
  refund(request: RefundRequest): Promise<SettledEvent>;
  cancelSubscription(subscriptionId: string, idempotencyKey: string): Promise<SettledEvent | null>;
  /** The payment behind a subscription invoice, where the processor's invoice events do not carry it. */
  paymentOfInvoice?(invoiceId: string): Promise<string | null>;
};
