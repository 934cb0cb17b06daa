import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { lookUpInvoicePayment, type EventOutcome } from '@/lib/donations/apply-event';
import { applyInBatch } from '@/lib/donations/event-batches';
import { reconcileFees } from '@/lib/donations/fee';
import { runInTurn } from '@/lib/jobs';
import { createStripeClient, type StripeConfig } from './client';
import { stripeFeeLookup } from './fees';
import { paymentIntentOfInvoice } from './provider';
import { translateStripeEvent } from './translate';

export type WebhookResult = { status: 200; outcome: EventOutcome; type: string } | { status: 400; error: string };

let client: { key: string; stripe: Stripe } | undefined;

/**
 * A Stripe webhook delivery: the signature is checked on the raw body exactly as received, then the event goes
 * through the one idempotent door, in one transaction with the deliveries arriving at the same moment. A bad
 * signature changes nothing; a processing error — also a failed look-up of an invoice's payment — is thrown (500)
 * so Stripe delivers again. Stripe's fees are not in its events: they are booked later (`reconcileStripeFees`).
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
  const translated = translateStripeEvent(event);
  const outcome = await applyInBatch(db, 'stripe', { eventId: event.id, type: event.type, event: translated });
  await lookUpInvoicePayment(db, 'stripe', translated, { paymentOfInvoice: (invoiceId) => paymentIntentOfInvoice(stripeFor(config), invoiceId) });
  return { status: 200, outcome, type: event.type };
}

/** Fees are reconciled after webhook deliveries at most once a minute, across every instance. */
export const stripeFeesJob = { name: 'stripe_fees', everySeconds: 60 } as const;

/**
 * Books the fees Stripe kept of paid gifts, in batches (one list call per hundred payments): after a webhook's
 * answer in the job's turn (`reconcileStripeFeesInTurn`), and from `npm run fees:reconcile` on a schedule.
 */
export function reconcileStripeFees(db: Db, config: StripeConfig) {
  return reconcileFees(db, 'stripe', stripeFeeLookup(stripeFor(config)));
}

export function reconcileStripeFeesInTurn(db: Db, config: StripeConfig) {
  return runInTurn(db, stripeFeesJob.name, stripeFeesJob.everySeconds, () => reconcileStripeFees(db, config));
}

function stripeFor(config: StripeConfig): Stripe {
  if (client?.key !== config.secretKey) client = { key: config.secretKey, stripe: createStripeClient(config) };
  return client.stripe;
}
