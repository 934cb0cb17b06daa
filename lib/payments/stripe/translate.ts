import type Stripe from 'stripe';
import type { PaymentEvent } from '../provider';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOf = (v: string | { id: string } | null | undefined) => (typeof v === 'string' ? v : (v?.id ?? null));
const ignore = (reason: string): PaymentEvent => ({ kind: 'ignored', reason });

/**
 * A verified Stripe event in our own terms. Pure: no database, no network. Anything we do not act on, or
 * that does not name one of our donations or plans, is "ignored" (and still recorded once).
 */
export function translateStripeEvent(event: Stripe.Event): PaymentEvent {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return sessionPaid(event.data.object, event.created);
    case 'checkout.session.async_payment_failed': {
      const id = donationIdOf(event.data.object);
      return id ? { kind: 'checkout_failed', donationId: id, sessionId: event.data.object.id } : ignore('no donation on the session');
    }
    case 'checkout.session.expired': {
      const session = event.data.object;
      if (session.mode === 'subscription') {
        const planId = planIdOf(session);
        return planId ? { kind: 'plan_checkout_expired', planId, sessionId: session.id } : ignore('no plan on the session');
      }
      const id = donationIdOf(session);
      return id ? { kind: 'checkout_expired', donationId: id, sessionId: session.id } : ignore('no donation on the session');
    }
    // Every change of a refund, each naming it: booked once, reversed once if it fails. (charge.refunded carries only
    // the charge's running total, which cannot tell an older report from a new refund once one has failed.)
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
    case 'charge.refund.updated':
      return refundOf(event.data.object);
    case 'invoice.paid':
      return invoicePaid(event.data.object, event.created);
    case 'customer.subscription.deleted':
      return { kind: 'plan_ended', subscriptionId: event.data.object.id };
    default:
      return ignore(`unhandled event type ${event.type}`);
  }
}

function sessionPaid(session: Stripe.Checkout.Session, created: number): PaymentEvent {
  if (session.mode === 'subscription') {
    const planId = planIdOf(session);
    const subscriptionId = idOf(session.subscription);
    if (!planId || !subscriptionId) return ignore('subscription session without plan or subscription');
    return { kind: 'plan_started', planId, subscriptionId };
  }
  const donationId = donationIdOf(session);
  if (!donationId) return ignore('no donation on the session');
  // Alipay, WeChat Pay and cards usually complete "paid"; a delayed method completes "unpaid" and is
  // confirmed (or not) later by async_payment_succeeded / _failed.
  if (session.payment_status !== 'paid') return ignore(`session completed with payment_status ${session.payment_status}`);
  if (session.currency !== 'cny' || session.amount_total == null) return ignore('session not in CNY');
  return {
    kind: 'checkout_paid',
    donationId,
    providerPaymentId: idOf(session.payment_intent),
    amountFen: session.amount_total,
    paidAt: new Date(created * 1000),
    feeFollows: true,
  };
}

function invoicePaid(invoice: Stripe.Invoice, created: number): PaymentEvent {
  const details = invoice.parent?.subscription_details;
  const planId = details?.metadata?.plan_id;
  if (!planId || !uuid.test(planId)) return ignore('invoice without one of our plans');
  if (invoice.currency !== 'cny' || invoice.amount_paid <= 0) return ignore('nothing paid in CNY');
  const payment = invoice.payments?.data.find((p) => p.status === 'paid')?.payment;
  return {
    kind: 'plan_invoice_paid',
    planId,
    subscriptionId: idOf(details?.subscription),
    invoiceId: invoice.id,
    amountFen: invoice.amount_paid,
    providerPaymentId: idOf(payment?.payment_intent),
    paidAt: new Date((invoice.status_transitions?.paid_at ?? created) * 1000),
    feeFollows: true,
  };
}

/** A refund as Stripe reports it — in its events, or in the answer to creating it. */
export function refundOf(refund: Stripe.Refund): PaymentEvent {
  const pi = idOf(refund.payment_intent);
  if (!pi) return ignore('refund without a payment intent');
  if (refund.currency !== 'cny') return ignore(`refund in ${refund.currency}`);
  if (!(refund.amount > 0)) return ignore('refund of nothing');
  // Pending and requires_action have already taken the money from the balance; failed and canceled put it back.
  const failed = refund.status === 'failed' || refund.status === 'canceled';
  return { kind: 'refund', providerPaymentId: pi, refundId: refund.id, amountFen: refund.amount, failed };
}

function donationIdOf(session: Stripe.Checkout.Session): string | null {
  const id = session.client_reference_id ?? session.metadata?.donation_id ?? null;
  return id && uuid.test(id) ? id : null;
}

function planIdOf(session: Stripe.Checkout.Session): string | null {
  const id = session.client_reference_id ?? session.metadata?.plan_id ?? null;
  return id && uuid.test(id) ? id : null;
}
