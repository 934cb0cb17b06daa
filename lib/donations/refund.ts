import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, fundInflows, journalLines, ledgerAccounts, refunds } from '@/db/schema';
import type { PaymentEvent } from '@/lib/payments/provider';
import { accountCodes, fundFor } from '@/lib/ledger/accounts';
import { consumeFifo, restoreAttributions } from '@/lib/ledger/fifo';
import { lockLedger, postEntry } from '@/lib/ledger/post';
import { formatFen } from '@/lib/money';
import { canMove, statusAfterRefund, type DonationStatus } from './status';

type RefundEvent = Extract<PaymentEvent, { kind: 'refund' }>;
type Refund = typeof refunds.$inferSelect;
type Gift = typeof donations.$inferSelect;

/**
 * Applies one report of one refund (by the processor's id), under the row lock of the gift it refunds:
 * - the first report books it — or, when its payment is not confirmed yet, keeps it until it is;
 * - a report that it failed (or was cancelled) reverses its booking, once: the money is back in the account;
 * - anything else (a repeat, a late "pending" after "failed") changes nothing. Reports may come in any order.
 */
export async function applyRefund(tx: Db, provider: string, event: RefundEvent): Promise<void> {
  const [gift] = await tx
    .select()
    .from(donations)
    .where(and(eq(donations.provider, provider), eq(donations.providerPaymentId, event.providerPaymentId)))
    .for('update');
  const [fresh] = await tx
    .insert(refunds)
    // A refund failed before it was booked still names its gift (for the administrators' list); one that is under
    // way gets its gift when booked — until then a null gift means "waiting for its payment".
    .values({ provider, refundId: event.refundId, providerPaymentId: event.providerPaymentId, amountFen: event.amountFen, failed: event.failed, donationId: event.failed ? (gift?.id ?? null) : null })
    .onConflictDoNothing()
    .returning();
  if (fresh) {
    if (gift && !fresh.failed) await bookRefund(tx, gift, fresh);
    return;
  }
  if (!event.failed) return;
  const [failing] = await tx
    .update(refunds)
    .set({ failed: true })
    .where(and(eq(refunds.provider, provider), eq(refunds.refundId, event.refundId), eq(refunds.failed, false)))
    .returning();
  if (failing?.entryId && gift) await reverseRefund(tx, gift, failing);
}

/**
 * Books a refund against its (locked) gift: no more than the gift has left unrefunded. A refund booked before refunds
 * were kept by id (migration 0013) has no row; one reported again now is recognised as already booked.
 */
async function bookRefund(tx: Db, gift: Gift, refund: Refund) {
  // What the gift's refund rows account for: those standing, and any recognised as booked earlier that failed since
  // (without an entry of their own they are not reversed, and stay in the gift's refunded total).
  const [{ tracked }] = await tx
    .select({ tracked: sql<number>`coalesce(sum(${refunds.bookedFen}), 0)::bigint` })
    .from(refunds)
    .where(and(eq(refunds.donationId, gift.id), or(eq(refunds.failed, false), isNull(refunds.entryId))));
  if (gift.refundedFen - Number(tracked) >= refund.amountFen) {
    await tx
      .update(refunds)
      .set({ donationId: gift.id, bookedFen: refund.amountFen })
      .where(and(eq(refunds.provider, refund.provider), eq(refunds.refundId, refund.refundId)));
    return;
  }
  const bookedFen = Math.min(refund.amountFen, gift.amountFen - gift.refundedFen);
  const to = statusAfterRefund(gift.amountFen, gift.refundedFen + bookedFen);
  let entryId: number | null = null;
  if (bookedFen > 0 && canMove(gift.status as DonationStatus, to)) {
    await tx.update(donations).set({ refundedFen: gift.refundedFen + bookedFen, status: to, updatedAt: new Date() }).where(eq(donations.id, gift.id));
    entryId = (await postOutOfGift(tx, 'refund', gift, bookedFen)).id;
  }
  await tx
    .update(refunds)
    .set({ donationId: gift.id, bookedFen: entryId ? bookedFen : 0, entryId })
    .where(and(eq(refunds.provider, refund.provider), eq(refunds.refundId, refund.refundId)));
}

/**
 * A refund that failed after it was booked: its entries are mirrored by reversing ones (the journal is never edited),
 * so each account they touched — the gift's fund, the clearing account for a part already spent, refunds — is as
 * before, and the gift's own money they had taken is unspent again. A refund of the same gift booked short while this
 * one still counted then gets the rest of its amount.
 */
async function reverseRefund(tx: Db, gift: Gift, refund: Refund) {
  const refundedFen = gift.refundedFen - refund.bookedFen;
  await tx
    .update(donations)
    .set({ refundedFen, status: statusAfterRefund(gift.amountFen, refundedFen), updatedAt: new Date() })
    .where(eq(donations.id, gift.id));
  for (const entryId of [refund.entryId, refund.restEntryId]) {
    if (entryId === null) continue;
    const lines = await tx
      .select({ accountCode: ledgerAccounts.code, amountFen: journalLines.amountFen })
      .from(journalLines)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
      .where(eq(journalLines.entryId, entryId));
    const refunded = lines.find((l) => l.accountCode === accountCodes.refunds)?.amountFen ?? 0;
    const reversal = await postEntry(tx, {
      kind: 'reversal',
      memo: `refund failed ${gift.certificateNo} ${formatFen(refunded, { exact: true })}: returned to the account`,
      donationId: gift.id,
      reversesEntryId: entryId,
      lines: lines.map((l) => ({ accountCode: l.accountCode, amountFen: -l.amountFen })),
    });
    await restoreAttributions(tx, entryId, reversal.id);
  }
  await bookRestOfShortRefunds(tx, gift.id);
}

/**
 * Refunds of a (locked) gift booked for less than their amount — reported while another refund, since failed, still
 * counted against what was left — are booked in full now that it no longer does (once: the rest has an entry of its own,
 * reversed with the first if this refund fails too).
 */
async function bookRestOfShortRefunds(tx: Db, giftId: string) {
  const short = await tx
    .select()
    .from(refunds)
    .where(and(eq(refunds.donationId, giftId), eq(refunds.failed, false), isNull(refunds.restEntryId), sql`${refunds.bookedFen} < ${refunds.amountFen}`))
    .orderBy(refunds.createdAt, refunds.refundId);
  for (const refund of short) {
    const [gift] = await tx.select().from(donations).where(eq(donations.id, giftId));
    const rest = Math.min(refund.amountFen - refund.bookedFen, gift.amountFen - gift.refundedFen);
    const to = statusAfterRefund(gift.amountFen, gift.refundedFen + rest);
    if (rest <= 0 || !canMove(gift.status as DonationStatus, to)) continue;
    await tx.update(donations).set({ refundedFen: gift.refundedFen + rest, status: to, updatedAt: new Date() }).where(eq(donations.id, gift.id));
    const entry = await postOutOfGift(tx, 'refund', gift, rest);
    await tx
      .update(refunds)
      .set({ bookedFen: refund.bookedFen + rest, ...(refund.entryId === null ? { entryId: entry.id } : { restEntryId: entry.id }) })
      .where(and(eq(refunds.provider, refund.provider), eq(refunds.refundId, refund.refundId)));
  }
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
): Promise<{ id: number }> {
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
  return entry;
}


/** Once payments are confirmed (in the caller's transaction), the refunds reported ahead of them are booked. */
export async function applyParkedRefunds(db: Db, payments: { donationId: string; provider: string; providerPaymentId: string }[]) {
  if (payments.length === 0) return;
  const waiting = await db.execute<{ provider: string; refundId: string; providerPaymentId: string }>(sql`
    select r.provider, r.refund_id as "refundId", r.provider_payment_id as "providerPaymentId" from refunds r
    join jsonb_to_recordset(${JSON.stringify(payments)}::jsonb) as p(provider text, "providerPaymentId" text)
      on r.provider = p.provider and r.provider_payment_id = p."providerPaymentId"
    where r.donation_id is null and not r.failed
    order by r.created_at, r.refund_id`);
  for (const w of waiting) {
    const paid = payments.find((p) => p.provider === w.provider && p.providerPaymentId === w.providerPaymentId)!;
    const [gift] = await db.select().from(donations).where(eq(donations.id, paid.donationId)).for('update');
    const [refund] = await db
      .select()
      .from(refunds)
      .where(and(eq(refunds.provider, w.provider), eq(refunds.refundId, w.refundId), isNull(refunds.donationId), eq(refunds.failed, false)))
      .for('update');
    if (gift && refund) await bookRefund(db, gift, refund);
  }
}

/**
 * Refunds still waiting whose payment has been confirmed since. A refund and its payment's confirmation processed at
 * the same moment can each miss the other (neither sees the other's uncommitted row), so both sides sweep after
 * committing: whichever commits last finds the pair. Usually nothing waits and this is one empty read.
 */
export async function sweepParkedRefunds(db: Db) {
  const stranded = await db.execute<{ donationId: string; provider: string; providerPaymentId: string }>(sql`
    select distinct d.id as "donationId", r.provider, r.provider_payment_id as "providerPaymentId"
    from refunds r
    join donations d on d.provider = r.provider and d.provider_payment_id = r.provider_payment_id
    where r.donation_id is null and not r.failed and d.status <> 'pending'`);
  if (stranded.length > 0) await db.transaction((tx) => applyParkedRefunds(tx, [...stranded]));
}

/** What failed to reach each of these gifts' donors (refunds that failed or were cancelled), by gift. */
export async function failedRefundsOf(db: Db, donationIds: string[]): Promise<Map<string, number>> {
  if (donationIds.length === 0) return new Map();
  const rows = await db
    .select({ donationId: refunds.donationId, fen: sql<number>`sum(${refunds.amountFen})::bigint` })
    .from(refunds)
    .where(and(inArray(refunds.donationId, donationIds), eq(refunds.failed, true)))
    .groupBy(refunds.donationId);
  return new Map(rows.map((r) => [r.donationId!, Number(r.fen)]));
}
