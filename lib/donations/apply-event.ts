import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, paymentEvents, recurringPlans } from '@/db/schema';
import type { PaymentEvent, SettledEvent } from '@/lib/payments/provider';
import { fulfilDonations, type Fulfilment } from './fulfil';
import { resolveInvoicePayment, type PaymentOfInvoice } from './invoice-payment';
import { recordPlanInvoice } from './plan-invoice';
import { applyRefund, sweepParkedRefunds } from './refund';

export type EventOutcome = 'applied' | 'ignored' | 'duplicate';

const paymentsOrRefunds = new Set<PaymentEvent['kind']>(['checkout_paid', 'plan_invoice_paid', 'refund']);

/**
 * The one door every processor event comes through. The event id is recorded in the same transaction as its
 * effects: a duplicate delivery — also one racing the first — finds the id taken and changes nothing, and a
 * failure rolls back both, so the processor's retry gets a clean second chance.
 *
 * A paid invoice without its payment id has it looked up afterwards (`paymentOfInvoice`, a network call kept out
 * of the transaction). That also runs on a duplicate delivery, so a lookup that failed — and threw, making the
 * processor deliver again — is retried.
 */
export async function applyPaymentEvent(
  db: Db,
  provider: string,
  eventId: string,
  type: string,
  event: PaymentEvent,
  lookups: { paymentOfInvoice?: PaymentOfInvoice } = {},
): Promise<EventOutcome> {
  const [outcome] = await applyPaymentEvents(db, provider, [{ eventId, type, event }]);
  await lookUpInvoicePayment(db, provider, event, lookups);
  return outcome;
}

/**
 * The look-up `applyPaymentEvent` makes after its transaction, for callers that applied the event in a batch.
 * Returns a paid invoice's payment (named by the event or looked up), null for any other event.
 */
export async function lookUpInvoicePayment(db: Db, provider: string, event: PaymentEvent, lookups: { paymentOfInvoice?: PaymentOfInvoice }) {
  if (event.kind !== 'plan_invoice_paid') return null;
  if (event.providerPaymentId || !lookups.paymentOfInvoice) return event.providerPaymentId;
  return resolveInvoicePayment(db, provider, event.invoiceId, lookups.paymentOfInvoice);
}

/**
 * Several events of one processor, in order, in one transaction: each id recorded with its effects, one outcome
 * per event (a repeat of an id — within the list or from before — is a duplicate). All or nothing: when one
 * fails, none is recorded. Lists of more than one should hold confirmed payments only (as `applyInBatch` sends):
 * a refund or plan event after them would lock a row after the ledger's lock, where another instance may wait.
 */
export async function applyPaymentEvents(db: Db, provider: string, events: SettledEvent[]): Promise<EventOutcome[]> {
  const outcomes = await recordAndApply(db, provider, events);
  if (events.some(({ event }) => paymentsOrRefunds.has(event.kind))) await sweepParkedRefunds(db);
  return outcomes;
}

/**
 * `applyPaymentEvents` without its sweep for parked refunds, for a caller applying an event inside its own transaction
 * and holding locks (an administrator's refund): the sweep would lock other gifts after the ledger's lock. A refund of
 * a gift already paid is never parked, so there is nothing for it to find.
 */
export function recordAndApply(db: Db, provider: string, events: SettledEvent[]): Promise<EventOutcome[]> {
  return db.transaction(async (tx) => {
    // In id order: two instances recording the same events wait for each other in line, never in a circle.
    const types = [...new Map(events.map((e) => [e.eventId, e.type]))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const recorded = await tx
      .insert(paymentEvents)
      .values(types.map(([eventId, type]) => ({ provider, eventId, type })))
      .onConflictDoNothing()
      .returning({ eventId: paymentEvents.eventId });
    const fresh = new Set(recorded.map((r) => r.eventId));
    const outcomes: EventOutcome[] = [];
    // Confirmed payments next to each other in the list are fulfilled together (the batch's common case).
    let paid: Fulfilment[] = [];
    const fulfilPaid = async () => {
      if (paid.length > 0) await fulfilDonations(tx, paid);
      paid = [];
    };
    for (const { eventId, event } of events) {
      if (!fresh.delete(eventId)) outcomes.push('duplicate');
      else if (event.kind === 'ignored') outcomes.push('ignored');
      else {
        if (event.kind === 'checkout_paid') paid.push(fulfilment(provider, event));
        else {
          await fulfilPaid();
          await handle(tx, provider, event);
        }
        outcomes.push('applied');
      }
    }
    await fulfilPaid();
    return outcomes;
  });
}

/** Only our own donation, through the processor it was sent to, for exactly its amount. */
function fulfilment(provider: string, event: Extract<PaymentEvent, { kind: 'checkout_paid' }>): Fulfilment {
  const confirmation = { providerPaymentId: event.providerPaymentId, paidAt: event.paidAt, feeFollows: event.feeFollows };
  return { donationId: event.donationId, confirmation, expected: { provider, amountFen: event.amountFen } };
}

async function handle(tx: Db, provider: string, event: Exclude<PaymentEvent, { kind: 'ignored' | 'checkout_paid' }>) {
  switch (event.kind) {
    // Only the checkout the donor is on now ends it: a donor who came back after an earlier session expired is
    // paying through a new one, which that session's late "expired" must not close.
    case 'checkout_failed':
    case 'checkout_expired':
      await tx
        .update(donations)
        .set({ status: event.kind === 'checkout_failed' ? 'failed' : 'expired', updatedAt: new Date() })
        .where(
          and(
            eq(donations.id, event.donationId),
            eq(donations.provider, provider),
            eq(donations.status, 'pending'),
            or(isNull(donations.providerSessionId), eq(donations.providerSessionId, event.sessionId)),
          ),
        );
      return;
    case 'plan_checkout_expired':
      await tx
        .update(recurringPlans)
        .set({ status: 'cancelled', cancelledAt: new Date() })
        .where(
          and(
            eq(recurringPlans.id, event.planId),
            eq(recurringPlans.status, 'pending'),
            or(isNull(recurringPlans.providerSessionId), eq(recurringPlans.providerSessionId, event.sessionId)),
          ),
        );
      return;
    case 'refund':
      await applyRefund(tx, provider, event);
      return;
    case 'plan_started':
      await tx
        .update(recurringPlans)
        .set({ status: 'active', providerSubscriptionId: event.subscriptionId, activatedAt: new Date() })
        .where(and(eq(recurringPlans.id, event.planId), eq(recurringPlans.provider, provider), eq(recurringPlans.status, 'pending')));
      return;
    case 'plan_invoice_paid':
      await recordPlanInvoice(tx, provider, event);
      return;
    case 'plan_ended':
      await tx
        .update(recurringPlans)
        .set({ status: 'cancelled', cancelledAt: new Date() })
        .where(
          and(
            eq(recurringPlans.provider, provider),
            eq(recurringPlans.providerSubscriptionId, event.subscriptionId),
            ne(recurringPlans.status, 'cancelled'),
          ),
        );
      return;
  }
}
