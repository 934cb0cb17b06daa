import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations } from '@/db/schema';
import { sweepParkedRefunds } from './refund';

export type PaymentOfInvoice = (invoiceId: string) => Promise<string | null>;

/**
 * Stripe's invoice events usually lack the payment behind the invoice, yet a refund made outside the app
 * (in Stripe's dashboard) names only that payment. So a monthly gift booked without it gets it looked up —
 * a network call, made outside any transaction — and kept; a refund parked for it then applies.
 * Returns the donation's payment id (known before, found now, or null if the processor has none).
 */
export async function resolveInvoicePayment(db: Db, provider: string, invoiceId: string, lookup: PaymentOfInvoice): Promise<string | null> {
  const [d] = await db
    .select({ id: donations.id, paymentId: donations.providerPaymentId })
    .from(donations)
    .where(and(eq(donations.provider, provider), eq(donations.providerInvoiceId, invoiceId)));
  if (!d || d.paymentId) return d?.paymentId ?? null;
  const paymentId = await lookup(invoiceId);
  if (!paymentId) return null;
  const [set] = await db
    .update(donations)
    .set({ providerPaymentId: paymentId, updatedAt: new Date() })
    .where(and(eq(donations.id, d.id), isNull(donations.providerPaymentId)))
    .returning({ id: donations.id });
  // Swept once the payment id is committed: a refund parked at the same moment (it could not see the id, nor this
  // the refund) is found too, as a payment's confirmation and a refund find each other (sweepParkedRefunds).
  if (set) await sweepParkedRefunds(db);
  return paymentId;
}
