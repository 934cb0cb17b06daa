import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, paymentEvents, recurringPlans } from '@/db/schema';
import type { PaymentEvent } from '@/lib/payments/provider';
import { fulfilDonation } from './fulfil';
import { resolveInvoicePayment, type PaymentOfInvoice } from './invoice-payment';
import { recordPlanInvoice } from './plan-invoice';
import { applyRefundTotal, parkRefund } from './refund';

export type EventOutcome = 'applied' | 'ignored' | 'duplicate';

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
  const outcome = await db.transaction(async (tx): Promise<EventOutcome> => {
    const recorded = await tx
      .insert(paymentEvents)
      .values({ provider, eventId, type })
      .onConflictDoNothing()
      .returning({ eventId: paymentEvents.eventId });
    if (recorded.length === 0) return 'duplicate';
    if (event.kind === 'ignored') return 'ignored';
    await handle(tx, provider, event);
    return 'applied';
  });
  if (event.kind === 'plan_invoice_paid' && !event.providerPaymentId && lookups.paymentOfInvoice) {
    await resolveInvoicePayment(db, provider, event.invoiceId, lookups.paymentOfInvoice);
  }
  return outcome;
}

async function handle(tx: Db, provider: string, event: Exclude<PaymentEvent, { kind: 'ignored' }>) {
  switch (event.kind) {
    case 'checkout_paid':
      // Only our own donation, through the processor it was sent to, for exactly its amount.
      await fulfilDonation(tx, event.donationId, { providerPaymentId: event.providerPaymentId, paidAt: event.paidAt }, { provider, amountFen: event.amountFen });
      return;
    case 'checkout_failed':
    case 'checkout_expired':
      await tx
        .update(donations)
        .set({ status: event.kind === 'checkout_failed' ? 'failed' : 'expired', updatedAt: new Date() })
        .where(and(eq(donations.id, event.donationId), eq(donations.provider, provider), eq(donations.status, 'pending')));
      return;
    case 'plan_checkout_expired':
      await tx
        .update(recurringPlans)
        .set({ status: 'cancelled', cancelledAt: new Date() })
        .where(and(eq(recurringPlans.id, event.planId), eq(recurringPlans.status, 'pending')));
      return;
    case 'refunded': {
      const [d] = await tx
        .select({ id: donations.id })
        .from(donations)
        .where(and(eq(donations.provider, provider), eq(donations.providerPaymentId, event.providerPaymentId)));
      if (d) await applyRefundTotal(tx, d.id, event.refundedTotalFen);
      else await parkRefund(tx, provider, event.providerPaymentId, event.refundedTotalFen);
      return;
    }
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
