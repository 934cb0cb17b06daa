import type Stripe from 'stripe';
import type { CheckoutRequest, PaymentMethod, PaymentProvider, RefundRequest } from '../provider';
import { createStripeClient, type StripeConfig } from './client';
import { refundOf } from './translate';

/**
 * Stripe Checkout in CNY, amounts in fen. One-off gifts offer the configured methods (card, Alipay, WeChat Pay);
 * monthly giving is a card subscription. Stripe's webhook does the bookkeeping, except for a refund, booked from
 * Stripe's answer (its webhook then confirms it, or reports its failure).
 */
export function createStripeProvider(config: StripeConfig, methods: PaymentMethod[]): PaymentProvider & { stripe: Stripe } {
  const stripe = createStripeClient(config);
  return {
    name: 'stripe',
    stripe,
    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create(sessionParams(request, methods), {
        idempotencyKey: request.idempotencyKey,
      });
      if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL');
      return { sessionId: session.id, redirectUrl: session.url };
    },
    async refund(request: RefundRequest) {
      if (!request.providerPaymentId) throw new Error('a Stripe refund needs the payment intent');
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.providerPaymentId,
          amount: request.amountFen,
          reason: 'requested_by_customer',
          metadata: { donation_id: request.donationId },
        },
        // The gift's row stays locked while Stripe answers (admin-refund.ts): not the client's 20 s × 3 tries.
        { idempotencyKey: request.idempotencyKey, timeout: 8_000, maxNetworkRetries: 1 },
      );
      // Booked from this answer; refund.created, arriving through the webhook, then finds it booked.
      return { eventId: `refund_created:${refund.id}`, type: 'refund.created', event: refundOf(refund) };
    },
    async cancelSubscription(subscriptionId, idempotencyKey) {
      await stripe.subscriptions.cancel(subscriptionId, {}, { idempotencyKey });
      return null; // customer.subscription.deleted arrives through the webhook
    },
    paymentOfInvoice: (invoiceId) => paymentIntentOfInvoice(stripe, invoiceId),
  };
}

/** The payment intent behind a subscription invoice, which Stripe's invoice events no longer carry. */
export async function paymentIntentOfInvoice(stripe: Stripe, invoiceId: string): Promise<string | null> {
  const payments = await stripe.invoicePayments.list({ invoice: invoiceId, status: 'paid', limit: 1 });
  const pi = payments.data[0]?.payment?.payment_intent;
  return typeof pi === 'string' ? pi : (pi?.id ?? null);
}

export function sessionParams(request: CheckoutRequest, methods: PaymentMethod[]): Stripe.Checkout.SessionCreateParams {
  const common = {
    client_reference_id: request.referenceId,
    success_url: request.successUrl,
    cancel_url: request.cancelUrl,
    // The browser's language: a fixed locale would make a retried submission's parameters differ from the
    // first and break the idempotency key that keeps one donation to one session.
    locale: 'auto',
  } as const;
  const productData = { name: request.description };
  if (request.kind === 'monthly') {
    return {
      ...common,
      mode: 'subscription',
      allowed_payment_method_types: ['card'],
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'cny', unit_amount: request.amountFen, recurring: { interval: 'month' }, product_data: productData },
        },
      ],
      metadata: { plan_id: request.referenceId },
      // Copied onto every invoice (parent.subscription_details.metadata), so invoice.paid finds its plan.
      subscription_data: { metadata: { plan_id: request.referenceId } },
    };
  }
  return {
    ...common,
    mode: 'payment',
    submit_type: 'donate',
    // This Stripe API version (2026-10-28) replaced payment_method_types with allowed_payment_method_types.
    allowed_payment_method_types: methods,
    ...(methods.includes('wechat_pay') ? { payment_method_options: { wechat_pay: { client: 'web' } } } : {}),
    line_items: [{ quantity: 1, price_data: { currency: 'cny', unit_amount: request.amountFen, product_data: productData } }],
    metadata: { donation_id: request.referenceId },
    payment_intent_data: { metadata: { donation_id: request.referenceId } },
  };
}
