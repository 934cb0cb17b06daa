import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { fundAttributions, fundInflows } from '@/db/schema';
import { AppError } from '@/lib/errors';

type Inflow = { accountCode: string; entryId: number; donationId?: string | null; amountFen: number; postedAt: Date };

/** Money arriving in a fund becomes an inflow, spent oldest-first. */
export async function recordInflow(tx: Db, inflow: Inflow) {
  await recordInflows(tx, [inflow]);
}

export async function recordInflows(tx: Db, inflows: Inflow[]) {
  if (inflows.length === 0) return;
  await tx.insert(fundInflows).values(inflows.map((inflow) => ({ ...inflow, donationId: inflow.donationId ?? null, remainingFen: inflow.amountFen })));
}

/**
 * Takes `amountFen` from a fund, first from `preferDonationId`'s own inflow (a refund or fee of that gift),
 * then from the oldest unspent inflows, and records which inflow paid for the outflow entry. The inflow rows
 * are locked, so concurrent spending cannot take the same fen twice.
 */
export async function consumeFifo(
  tx: Db,
  outflow: { accountCode: string; outflowEntryId: number; amountFen: number; preferDonationId?: string | null; onlyPreferred?: boolean },
) {
  let left = outflow.amountFen;
  const take = async (inflow: { id: number; remainingFen: number }) => {
    const amount = Math.min(left, inflow.remainingFen);
    if (amount <= 0) return;
    await tx
      .update(fundInflows)
      .set({ remainingFen: sql`${fundInflows.remainingFen} - ${amount}` })
      .where(eq(fundInflows.id, inflow.id));
    await tx.insert(fundAttributions).values({ inflowId: inflow.id, outflowEntryId: outflow.outflowEntryId, amountFen: amount });
    left -= amount;
  };
  if (outflow.preferDonationId) {
    const own = await tx
      .select({ id: fundInflows.id, remainingFen: fundInflows.remainingFen })
      .from(fundInflows)
      .where(and(eq(fundInflows.donationId, outflow.preferDonationId), eq(fundInflows.accountCode, outflow.accountCode)))
      .for('update');
    for (const inflow of own) await take(inflow);
  }
  if (left > 0 && outflow.onlyPreferred) throw new AppError('insufficient_funds', 'the gift no longer holds that much');
  while (left > 0) {
    const batch = await tx
      .select({ id: fundInflows.id, remainingFen: fundInflows.remainingFen })
      .from(fundInflows)
      .where(and(eq(fundInflows.accountCode, outflow.accountCode), sql`${fundInflows.remainingFen} > 0`))
      .orderBy(asc(fundInflows.id))
      .limit(50)
      .for('update');
    if (batch.length === 0) throw new AppError('insufficient_funds', `${outflow.accountCode} has no unspent money left`);
    for (const inflow of batch) {
      if (left === 0) break;
      await take(inflow);
    }
  }
}

/** Undoes an outflow's attributions when it is reversed: the money is unspent again, in its original inflows. */
export async function restoreAttributions(tx: Db, outflowEntryId: number, reversalEntryId: number) {
  const rows = await tx
    .update(fundAttributions)
    .set({ reversedByEntryId: reversalEntryId })
    .where(and(eq(fundAttributions.outflowEntryId, outflowEntryId), isNull(fundAttributions.reversedByEntryId)))
    .returning({ inflowId: fundAttributions.inflowId, amountFen: fundAttributions.amountFen });
  for (const r of rows) {
    await tx
      .update(fundInflows)
      .set({ remainingFen: sql`${fundInflows.remainingFen} + ${r.amountFen}` })
      .where(eq(fundInflows.id, r.inflowId));
  }
}
