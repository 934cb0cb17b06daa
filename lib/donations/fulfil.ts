import { eq, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '@/db/client';
import { donations } from '@/db/schema';
import { postDonation, postDonationOutflow } from '@/lib/ledger/movements';
import { applyParkedRefund } from './refund';

export type Confirmation = { providerPaymentId?: string | null; feeFen?: number; paidAt?: Date };
type Expected = { provider: string; amountFen: number };

/** AZJB-2026-000123: numbered in order of confirmation, never reused. */
export async function nextCertificateNo(tx: Db, year: number): Promise<string> {
  const [{ n }] = await tx.execute<{ n: string }>(sql`select nextval('certificate_seq') as n`);
  return `AZJB-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * The one way a donation becomes paid: every processor's confirmed event comes through here. Idempotent —
 * the row lock and the status check make a second call (or a concurrent one) a no-op.
 */
export async function fulfilDonation(db: Db, donationId: string, confirmation: Confirmation = {}, expected?: Expected): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const [donation] = await tx.select().from(donations).where(eq(donations.id, donationId)).for('update');
    if (!donation) return false;
    // A processor's confirmation credits only our own donation, through the processor it went to, for its amount.
    if (expected && (donation.provider !== expected.provider || donation.amountFen !== expected.amountFen)) {
      console.warn(`payment event for donation ${donationId} does not match it; not credited`);
      return false;
    }
    if (donation.status !== 'pending') return false;
    const paidAt = confirmation.paidAt ?? new Date();
    const feeFen = confirmation.feeFen ?? 0;
    const certificateNo = await nextCertificateNo(tx, paidAt.getFullYear());
    const providerPaymentId = confirmation.providerPaymentId ?? donation.providerPaymentId;
    await tx
      .update(donations)
      .set({
        status: 'paid',
        paidAt,
        feeFen,
        certificateNo,
        providerPaymentId,
        updatedAt: new Date(),
      })
      .where(eq(donations.id, donationId));
    await postDonation(tx, { id: donationId, projectId: donation.projectId, amountFen: donation.amountFen, certificateNo, paidAt });
    if (feeFen > 0) {
      // The processor keeps its fee out of the gift: the fund it went to bears it, as its own entry.
      await postDonationOutflow(tx, 'fee', { id: donationId, projectId: donation.projectId, amountFen: feeFen, memo: `processor fee ${certificateNo}`, postedAt: paidAt });
    }
    // A refund the processor reported before this confirmation (out-of-order delivery) applies now.
    if (providerPaymentId) await applyParkedRefund(tx, donationId, donation.provider, providerPaymentId);
    return true;
  });
}
