import { sql } from 'drizzle-orm';
import { inTransaction, type Db } from '@/db/client';
import { donations, feesDue } from '@/db/schema';
import { isId } from '@/lib/ids';
import { postDonations } from '@/lib/ledger/movements';
import { lockLedger } from '@/lib/ledger/post';
import { applyParkedRefunds } from './refund';

/** feeFollows: the processor keeps a fee it tells only later; the gift waits in `fees_due` until it is booked. */
export type Confirmation = { providerPaymentId?: string | null; paidAt?: Date; feeFollows?: boolean };
type Expected = { provider: string; amountFen: number };
export type Fulfilment = { donationId: string; confirmation?: Confirmation; expected?: Expected };

/** AZJB-2026-000123: numbered in order of confirmation, never reused. */
const certificateNo = (year: number, n: string) => `AZJB-${year}-${n.padStart(6, '0')}`;

/**
 * The one way a donation becomes paid: every processor's confirmed event comes through here. Idempotent —
 * the row lock and the status check make a second call (or a concurrent one) a no-op.
 */
export async function fulfilDonation(db: Db, donationId: string, confirmation: Confirmation = {}, expected?: Expected): Promise<boolean> {
  const [done] = await fulfilDonations(db, [{ donationId, confirmation, expected }]);
  return done;
}

/**
 * Several confirmations at once (a batch of processor events), in a handful of statements whatever their number:
 * the donations locked in one read (in id order, so two batches never wait on each other in a circle) before
 * the ledger's lock, paid in one update, posted to the ledger together. Returns, per confirmation, whether it paid its donation.
 */
export async function fulfilDonations(db: Db, items: Fulfilment[]): Promise<boolean[]> {
  return inTransaction(db, async (tx) => {
    // An id that is no donation's (a processor event about something else) is simply not ours.
    const ids = [...new Set(items.map((i) => i.donationId))].filter(isId);
    if (ids.length === 0) return items.map(() => false);
    const rows = await tx
      .select()
      .from(donations)
      .where(sql`${donations.id} = any(string_to_array(${ids.join(',')}, ',')::uuid[])`)
      .orderBy(donations.id)
      .for('update');
    const byId = new Map(rows.map((d) => [d.id, d]));
    const taken = new Set<string>();
    const chosen = items.map(({ donationId, confirmation = {}, expected }) => {
      const donation = byId.get(donationId);
      if (!donation) return null;
      // A processor's confirmation credits only our own donation, through the processor it went to, for its amount.
      if (expected && (donation.provider !== expected.provider || donation.amountFen !== expected.amountFen)) {
        console.warn(`payment event for donation ${donationId} does not match it; not credited`);
        return null;
      }
      if (donation.status !== 'pending' || taken.has(donationId)) return null;
      taken.add(donationId);
      return { donation, confirmation };
    });
    const todo = chosen.filter((c) => c !== null);
    if (todo.length === 0) return items.map(() => false);

    // Numbers in the order gifts reach the ledger: drawn under its lock, taken after the donations' rows.
    await lockLedger(tx);
    const drawn = await tx.execute<{ n: string }>(sql`select nextval('certificate_seq')::text as n from generate_series(1, ${todo.length}::int)`);
    const numbers = drawn.map((r) => r.n).sort((a, b) => Number(a) - Number(b));
    const paid = todo.map(({ donation, confirmation }, i) => {
      const paidAt = confirmation.paidAt ?? new Date();
      return {
        id: donation.id,
        projectId: donation.projectId,
        amountFen: donation.amountFen,
        provider: donation.provider,
        paidAt,
        feeFollows: confirmation.feeFollows ?? false,
        certificateNo: certificateNo(paidAt.getFullYear(), numbers[i]),
        providerPaymentId: confirmation.providerPaymentId ?? donation.providerPaymentId,
      };
    });
    await tx.execute(sql`
      update donations d set status = 'paid', paid_at = p."paidAt", certificate_no = p."certificateNo",
        provider_payment_id = p."providerPaymentId", updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(paid)}::jsonb) as p(id uuid, "paidAt" timestamptz, "certificateNo" text, "providerPaymentId" text)
      where d.id = p.id`);
    await postDonations(tx, paid);
    const feesToFollow = paid.filter((d) => d.feeFollows).map((d) => ({ donationId: d.id, provider: d.provider, paidAt: d.paidAt }));
    if (feesToFollow.length > 0) await tx.insert(feesDue).values(feesToFollow);
    // A refund the processor reported before its confirmation (out-of-order delivery) applies now.
    await applyParkedRefunds(
      tx,
      paid.flatMap((d) => (d.providerPaymentId ? [{ donationId: d.id, provider: d.provider, providerPaymentId: d.providerPaymentId }] : [])),
    );
    return chosen.map((c) => c !== null);
  });
}
