import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';

export const testWebhookSecret = 'whsec_test_standin_secret_for_signatures';
const stripe = new Stripe('sk_test_standin');

/** A Stripe event as its webhook delivers it: JSON text and a Stripe-Signature header for that exact text. */
export function signedEvent(type: string, object: Record<string, unknown>, opts: { id?: string; secret?: string } = {}) {
  const payload = JSON.stringify({
    id: opts.id ?? `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? testWebhookSecret });
  return { payload, signature };
}

export function webhookRequest(event: { payload: string; signature: string }): Request {
  return new Request('http://localhost/api/stripe/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
    body: event.payload,
  });
}

export const paidSession = (donationId: string, amountFen: number, paymentIntent: string, over: Record<string, unknown> = {}) => ({
  id: `cs_test_${randomUUID()}`,
  object: 'checkout.session',
  mode: 'payment',
  client_reference_id: donationId,
  metadata: { donation_id: donationId },
  currency: 'cny',
  amount_total: amountFen,
  payment_status: 'paid',
  status: 'complete',
  payment_intent: paymentIntent,
  ...over,
});

/** A Stripe refund of a payment as its events carry it (refund.created, refund.updated, charge.refund.updated…). */
export const stripeRefund = (id: string, paymentIntent: string, amountFen: number, status: 'pending' | 'succeeded' | 'failed' | 'canceled' = 'succeeded') => ({
  id,
  object: 'refund',
  amount: amountFen,
  currency: 'cny',
  payment_intent: paymentIntent,
  status,
  ...(status === 'failed' ? { failure_reason: 'expired_or_canceled_card' } : {}),
});
