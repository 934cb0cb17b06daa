import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, recurringPlans } from '@/db/schema';
import type { PaymentEvent } from '@/lib/payments/provider';
import { fulfilDonation } from './fulfil';

type InvoicePaid = Extract<PaymentEvent, { kind: 'plan_invoice_paid' }>;

/**
 * Each paid invoice of a monthly plan is one donation, credited once: the invoice id is unique on donations.
 * An invoice may arrive before the checkout that set the plan up, so it can activate the plan too.
 */
export async function recordPlanInvoice(tx: Db, provider: string, event: InvoicePaid): Promise<void> {
  const [plan] = await tx
    .select()
    .from(recurringPlans)
    .where(and(eq(recurringPlans.id, event.planId), eq(recurringPlans.provider, provider)))
    .for('update');
  if (!plan) {
    console.warn(`invoice ${event.invoiceId} names an unknown plan; not credited`);
    return;
  }
  if (plan.status === 'pending') {
    await tx
      .update(recurringPlans)
      .set({ status: 'active', activatedAt: new Date(), providerSubscriptionId: plan.providerSubscriptionId ?? event.subscriptionId })
      .where(eq(recurringPlans.id, plan.id));
  }
  await tx
    .insert(donations)
    .values({
      projectId: plan.projectId,
      amountFen: event.amountFen,
      donorId: plan.donorId,
      planId: plan.id,
      displayName: plan.displayName,
      anonymous: plan.anonymous,
      message: plan.message,
      contactCiphertext: plan.contactCiphertext,
      receiptRequested: plan.receiptRequested,
      receiptCiphertext: plan.receiptCiphertext,
      piiKeyId: plan.piiKeyId,
      provider,
      providerInvoiceId: event.invoiceId,
      providerPaymentId: event.providerPaymentId,
      createdAt: event.paidAt,
    })
    .onConflictDoNothing({ target: donations.providerInvoiceId });
  const [donation] = await tx
    .select({ id: donations.id })
    .from(donations)
    .where(eq(donations.providerInvoiceId, event.invoiceId));
  await fulfilDonation(tx, donation.id, { providerPaymentId: event.providerPaymentId, paidAt: event.paidAt, feeFollows: event.feeFollows });
}
