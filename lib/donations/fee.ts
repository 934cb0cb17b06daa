import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations } from '@/db/schema';
import type { PaymentEvent } from '@/lib/payments/provider';
import { postOutOfGift } from './refund';

export type FeeOfPayment = (providerPaymentId: string) => Promise<number | null>;

/**
 * A paid event with what the processor kept of the payment, looked up before the event is applied, so the fee is
 * booked in the same transaction as the gift (batched like it). A look-up that fails throws, before anything is
 * applied, and the processor delivers again; a fee not known yet is booked as none.
 */
export async function withFee(event: PaymentEvent, feeOf: FeeOfPayment): Promise<PaymentEvent> {
  if (event.kind !== 'checkout_paid' || !event.providerPaymentId) return event;
  return { ...event, feeFen: (await feeOf(event.providerPaymentId)) ?? 0 };
}

/**
 * A monthly invoice's payment is known only after its event is applied (Stripe's invoice events no longer name
 * it): its fee is looked up then and booked on its own. Also on a repeat delivery, so a failed look-up is retried.
 */
export async function lookUpInvoiceFee(db: Db, provider: string, providerPaymentId: string | null, feeOf: FeeOfPayment) {
  if (!providerPaymentId) return;
  const feeFen = await feeOf(providerPaymentId);
  if (feeFen) await recordProcessorFee(db, provider, providerPaymentId, feeFen);
}

/**
 * Books a processor's fee on a confirmed gift, once, out of the gift's own unspent money (`postOutOfGift`).
 */
export async function recordProcessorFee(db: Db, provider: string, providerPaymentId: string, feeFen: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(donations)
      .where(and(eq(donations.provider, provider), eq(donations.providerPaymentId, providerPaymentId)))
      .for('update');
    if (!d || d.feeFen > 0 || feeFen <= 0 || d.status === 'pending') return false;
    await tx.update(donations).set({ feeFen, updatedAt: new Date() }).where(eq(donations.id, d.id));
    await postOutOfGift(tx, 'fee', d, feeFen);
    return true;
  });
}
