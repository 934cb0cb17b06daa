import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { lookUpInvoicePayment, type EventOutcome } from '@/lib/donations/apply-event';
import { applyInBatch } from '@/lib/donations/event-batches';
import { lookUpInvoiceFee, withFee } from '@/lib/donations/fee';
import { createStripeClient, type StripeConfig } from './client';
import { feeOfPayment, paymentIntentOfInvoice } from './provider';
import { translateStripeEvent } from './translate';

export type WebhookResult = { status: 200; outcome: EventOutcome; type: string } | { status: 400; error: string };

let client: { key: string; stripe: Stripe } | undefined;

/**
 * A Stripe webhook delivery: the signature is checked on the raw body exactly as received, then the event goes
 * through the one idempotent door, in one transaction with the deliveries arriving at the same moment. A bad
 * signature changes nothing; a processing error — also a failed look-up of an invoice's payment or of a payment's
 * fee — is thrown (500) so Stripe delivers again.
 */
export async function handleStripeWebhook(
  db: Db,
  rawBody: string,
  signature: string | null,
  config: StripeConfig,
): Promise<WebhookResult> {
  if (!signature) return { status: 400, error: 'missing Stripe-Signature header' };
  let event: Stripe.Event;
  try {
    event = stripeFor(config).webhooks.constructEvent(rawBody, signature, config.webhookSecret);
  } catch {
    return { status: 400, error: 'signature verification failed' };
  }
  const feeOf = (paymentId: string) => feeOfPayment(stripeFor(config), paymentId);
  const translated = await withFee(translateStripeEvent(event), feeOf);
  const outcome = await applyInBatch(db, 'stripe', { eventId: event.id, type: event.type, event: translated });
  const invoicePayment = await lookUpInvoicePayment(db, 'stripe', translated, { paymentOfInvoice: (invoiceId) => paymentIntentOfInvoice(stripeFor(config), invoiceId) });
  await lookUpInvoiceFee(db, 'stripe', invoicePayment, feeOf);
  return { status: 200, outcome, type: event.type };
}

function stripeFor(config: StripeConfig): Stripe {
  if (client?.key !== config.secretKey) client = { key: config.secretKey, stripe: createStripeClient(config) };
  return client.stripe;
}
