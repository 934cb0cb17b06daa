import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, fundInflows, pendingRefunds } from '@/db/schema';
import { accountCodes, fundFor } from '@/lib/ledger/accounts';
import { consumeFifo } from '@/lib/ledger/fifo';
import { lockLedger, postEntry } from '@/lib/ledger/post';
import { formatFen } from '@/lib/money';
import { canMove, statusAfterRefund, type DonationStatus } from './status';

/**
 * Books a refund the processor reports as the donation's refunded TOTAL so far. Totals only grow, so a repeat
 * or an older report changes nothing, and reports can arrive in any order.
 *
 * The fund the gift went to gives back what it still holds of it. Restricted money that was already spent on
 * the project cannot come back out of the fund (a fund never goes below zero, and other donors' money is not
 * used to repay one donor): that part is recorded as covered from outside the special fund — the clearing
 * account, where donors' money comes in — so the ledger still balances and says plainly what happened.
 */
export async function applyRefundTotal(db: Db, donationId: string, refundedTotalFen: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [d] = await tx.select().from(donations).where(eq(donations.id, donationId)).for('update');
    if (!d) return false;
    const target = Math.min(refundedTotalFen, d.amountFen);
    const delta = target - d.refundedFen;
    const to = statusAfterRefund(d.amountFen, target);
    if (delta <= 0 || !canMove(d.status as DonationStatus, to)) return false;

    await tx.update(donations).set({ refundedFen: target, status: to, updatedAt: new Date() }).where(eq(donations.id, donationId));
    await postOutOfGift(tx, 'refund', d, delta);
    return true;
  });
}

/**
 * Money leaving because of one gift (a refund of it, the processor's fee on it), under the gift's row lock: only
 * the gift's own unspent money (its FIFO inflow) comes out of its fund; a part already spent is covered outside
 * the fund — the clearing account, where donors' money comes in — so no fund goes below zero, other donors' money
 * never pays for it, and the entry says so. The ledger lock keeps a payment out from spending the gift's money
 * between the read and the posting.
 */
export async function postOutOfGift(
  tx: Db,
  kind: 'refund' | 'fee',
  gift: { id: string; projectId: string | null; certificateNo: string | null },
  amountFen: number,
) {
  const fund = fundFor(gift.projectId);
  await lockLedger(tx);
  const [own] = await tx
    .select({ remainingFen: sql<number>`coalesce(sum(${fundInflows.remainingFen}), 0)::bigint` })
    .from(fundInflows)
    .where(and(eq(fundInflows.donationId, gift.id), eq(fundInflows.accountCode, fund)));
  const fromFund = Math.min(amountFen, Number(own?.remainingFen ?? 0));
  const shortfall = amountFen - fromFund;
  const entry = await postEntry(tx, {
    kind,
    memo:
      `${kind === 'fee' ? 'processor fee' : 'refund'} ${gift.certificateNo} ${formatFen(amountFen, { exact: true })}` +
      (shortfall > 0 ? `; ${formatFen(shortfall, { exact: true })} already spent, covered outside the fund` : ''),
    donationId: gift.id,
    lines: [
      { accountCode: fund, amountFen: -fromFund },
      { accountCode: accountCodes.clearing, amountFen: -shortfall },
      { accountCode: kind === 'fee' ? accountCodes.processorFees : accountCodes.refunds, amountFen },
    ],
  });
  if (fromFund > 0) await consumeFifo(tx, { accountCode: fund, outflowEntryId: entry.id, amountFen: fromFund, preferDonationId: gift.id, onlyPreferred: true });
}

/** A refund reported before its payment was confirmed waits here, keeping the largest total seen. */
export async function parkRefund(db: Db, provider: string, providerPaymentId: string, refundedTotalFen: number) {
  await db
    .insert(pendingRefunds)
    .values({ provider, providerPaymentId, refundedTotalFen })
    .onConflictDoUpdate({
      target: [pendingRefunds.provider, pendingRefunds.providerPaymentId],
      set: { refundedTotalFen: sql`greatest(${pendingRefunds.refundedTotalFen}, excluded.refunded_total_fen)` },
    });
}

/** Once a payment is confirmed, any refund that arrived ahead of it is applied. */
export async function applyParkedRefund(db: Db, donationId: string, provider: string, providerPaymentId: string) {
  await applyParkedRefunds(db, [{ donationId, provider, providerPaymentId }]);
}

/** The same for several confirmed payments: one look among the parked refunds for all of them. */
export async function applyParkedRefunds(db: Db, payments: { donationId: string; provider: string; providerPaymentId: string }[]) {
  if (payments.length === 0) return;
  const parked = await db.execute<{ provider: string; payment: string; total: string }>(sql`
    delete from pending_refunds r
    using jsonb_to_recordset(${JSON.stringify(payments)}::jsonb) as p(provider text, "providerPaymentId" text)
    where r.provider = p.provider and r.provider_payment_id = p."providerPaymentId"
    returning r.provider, r.provider_payment_id as payment, r.refunded_total_fen as total`);
  for (const row of parked) {
    const paid = payments.find((p) => p.provider === row.provider && p.providerPaymentId === row.payment)!;
    await applyRefundTotal(db, paid.donationId, Number(row.total));
  }
}

/**
 * Parked refunds whose payment has been confirmed since. A refund and its payment's confirmation processed at the
 * same moment can each miss the other (neither sees the other's uncommitted row), so both sides sweep after
 * committing: whichever commits last finds the pair. Usually there is nothing parked and this is one empty read.
 */
export async function sweepParkedRefunds(db: Db) {
  const stranded = await db.execute<{ donationId: string; provider: string; providerPaymentId: string }>(sql`
    select d.id as "donationId", r.provider, r.provider_payment_id as "providerPaymentId"
    from pending_refunds r
    join donations d on d.provider = r.provider and d.provider_payment_id = r.provider_payment_id
    where d.status <> 'pending'`);
  if (stranded.length > 0) await db.transaction((tx) => applyParkedRefunds(tx, [...stranded]));
}
