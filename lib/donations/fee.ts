import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, fundInflows } from '@/db/schema';
import { accountCodes, fundFor } from '@/lib/ledger/accounts';
import { consumeFifo } from '@/lib/ledger/fifo';
import { lockLedger, postEntry } from '@/lib/ledger/post';
import { formatFen } from '@/lib/money';
import type { PaymentEvent } from '@/lib/payments/provider';

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
 * Books a processor's fee on a confirmed gift, once: the fund the gift went to bears it out of that gift's own
 * unspent money; any part already spent (or refunded) is covered from outside the fund, as a refund's is, so
 * other donors' money never pays it.
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
    const fund = fundFor(d.projectId);
    await lockLedger(tx);
    const [own] = await tx
      .select({ remainingFen: sql<number>`coalesce(sum(${fundInflows.remainingFen}), 0)::bigint` })
      .from(fundInflows)
      .where(and(eq(fundInflows.donationId, d.id), eq(fundInflows.accountCode, fund)));
    const fromFund = Math.min(feeFen, Number(own?.remainingFen ?? 0));
    const entry = await postEntry(tx, {
      kind: 'fee',
      memo: `processor fee ${d.certificateNo} ${formatFen(feeFen, { exact: true })}`,
      donationId: d.id,
      lines: [
        { accountCode: fund, amountFen: -fromFund },
        { accountCode: accountCodes.clearing, amountFen: -(feeFen - fromFund) },
        { accountCode: accountCodes.processorFees, amountFen: feeFen },
      ],
    });
    if (fromFund > 0) await consumeFifo(tx, { accountCode: fund, outflowEntryId: entry.id, amountFen: fromFund, preferDonationId: d.id, onlyPreferred: true });
    return true;
  });
}
