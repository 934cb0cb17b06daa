import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { postOutOfGift } from './refund';

/** A paid gift whose fee is still to be learnt, as a processor's look-up needs it. */
export type DuePayment = { providerPaymentId: string; paidAt: Date; attempts: number };

/**
 * What the processor kept of each payment it can tell about now, in fen, by payment id (a payment it cannot tell
 * about yet is left out). One call may answer many payments: Stripe lists balance transactions a hundred at a time.
 */
export type FeeLookup = (payments: DuePayment[]) => Promise<Map<string, number>>;

/** How long a fee not found waits before it is asked for again: doubling from a minute, at most six hours. */
const retryAfter = sql`least(interval '1 minute' * power(2, least(attempts, 10)), interval '6 hours')`;
/** Fees booked per transaction: each holds the ledger's lock, which confirmations of new gifts wait for. */
const perTransaction = 50;

/**
 * Books the fees of gifts paid through `provider` whose fee was not known at payment (`fees_due`), up to `limit`
 * of them, oldest first: one look-up for all, then each fee found booked once (`bookFees`); the others are asked
 * for again later, never given up — a fee left unbooked would overstate the fund. Runs off the request path
 * (after a webhook's answer, at most once a minute, or `npm run fees:reconcile`); any number may run at once.
 */
export async function reconcileFees(db: Db, provider: string, lookUp: FeeLookup, { limit = 5000 } = {}) {
  const due = await db.execute<{ donationId: string; providerPaymentId: string; paidAt: Date; attempts: number }>(sql`
    select f.donation_id as "donationId", d.provider_payment_id as "providerPaymentId", f.paid_at as "paidAt", f.attempts
    from fees_due f join donations d on d.id = f.donation_id
    where f.provider = ${provider} and f.next_try_at <= now() and d.provider_payment_id is not null
    order by f.next_try_at limit ${limit}`);
  if (due.length === 0) return { booked: 0, waiting: 0 };
  const fees = await lookUp(due.map((r) => ({ ...r, paidAt: new Date(r.paidAt) })));
  const found = due.flatMap((r) => (fees.has(r.providerPaymentId) ? [{ donationId: r.donationId, feeFen: fees.get(r.providerPaymentId)! }] : []));
  let booked = 0;
  for (let i = 0; i < found.length; i += perTransaction) booked += await bookFees(db, found.slice(i, i + perTransaction));
  const waiting = due.filter((r) => !fees.has(r.providerPaymentId)).map((r) => r.donationId);
  if (waiting.length > 0) {
    await db.execute(sql`
      update fees_due set attempts = attempts + 1, next_try_at = now() + ${retryAfter}
      where donation_id = any(string_to_array(${waiting.join(',')}, ',')::uuid[])`);
  }
  return { booked, waiting: waiting.length };
}

/**
 * Books each gift's fee, out of the gift's own unspent money (`postOutOfGift`), in one transaction. Only a gift
 * still in `fees_due` is booked, and its row goes in the same transaction: a fee is booked once, whoever else
 * books it at the same moment. Returns how many fees were booked (a fee of nothing only ends the wait).
 */
export async function bookFees(db: Db, fees: { donationId: string; feeFen: number }[]): Promise<number> {
  if (fees.length === 0) return 0;
  return db.transaction(async (tx) => {
    const gifts = await tx.execute<{ id: string; projectId: string | null; certificateNo: string | null; amountFen: string }>(sql`
      with due as (
        select donation_id from fees_due where donation_id = any(string_to_array(${fees.map((f) => f.donationId).join(',')}, ',')::uuid[])
        order by donation_id for update
      ), done as (delete from fees_due f using due where f.donation_id = due.donation_id returning f.donation_id)
      select d.id, d.project_id as "projectId", d.certificate_no as "certificateNo", d.amount_fen as "amountFen"
      from donations d join done on done.donation_id = d.id order by d.id for update of d`);
    let booked = 0;
    for (const gift of gifts) {
      const feeFen = Math.min(fees.find((f) => f.donationId === gift.id)!.feeFen, Number(gift.amountFen));
      if (feeFen <= 0) continue;
      await tx.execute(sql`update donations set fee_fen = ${feeFen}, updated_at = now() where id = ${gift.id}`);
      await postOutOfGift(tx, 'fee', gift, feeFen);
      booked++;
    }
    return booked;
  });
}
