import type { Db } from '@/db/client';
import { accountCodes, fundFor } from './accounts';
import { consumeFifo, recordInflow, recordInflows } from './fifo';
import { postEntries, postEntry } from './post';

/**
 * The programme's money movements, each one balanced journal entry plus its FIFO bookkeeping. Callers run
 * them inside their own transaction (donation fulfilment, an approval, an allocation).
 */

type PaidDonation = { id: string; projectId: string | null; amountFen: number; certificateNo: string; paidAt: Date };

export async function postDonation(tx: Db, d: PaidDonation) {
  const [entry] = await postDonations(tx, [d]);
  return entry;
}

/** Confirmed gifts into their funds, one entry each, posted together (a batch of processor confirmations). */
export async function postDonations(tx: Db, paid: PaidDonation[]) {
  const entries = await postEntries(
    tx,
    paid.map((d) => ({
      kind: 'donation' as const,
      memo: `donation ${d.certificateNo}`,
      donationId: d.id,
      postedAt: d.paidAt,
      lines: [
        { accountCode: accountCodes.clearing, amountFen: -d.amountFen },
        { accountCode: fundFor(d.projectId), amountFen: d.amountFen },
      ],
    })),
  );
  await recordInflows(
    tx,
    paid.map((d, i) => ({ accountCode: fundFor(d.projectId), entryId: entries[i].id, donationId: d.id, amountFen: d.amountFen, postedAt: d.paidAt })),
  );
  return entries;
}

/** General (unrestricted) money moved to a project by the administrators, with the reason on the record. */
export async function postAllocation(
  tx: Db,
  a: { projectId: string; amountFen: number; reason: string; postedById: string; postedAt?: Date },
) {
  const project = accountCodes.projectFund(a.projectId);
  const entry = await postEntry(tx, {
    kind: 'allocation',
    memo: a.reason,
    postedById: a.postedById,
    postedAt: a.postedAt,
    lines: [
      { accountCode: accountCodes.generalFund, amountFen: -a.amountFen },
      { accountCode: project, amountFen: a.amountFen },
    ],
  });
  await consumeFifo(tx, { accountCode: accountCodes.generalFund, outflowEntryId: entry.id, amountFen: a.amountFen });
  await recordInflow(tx, { accountCode: project, entryId: entry.id, amountFen: a.amountFen, postedAt: a.postedAt ?? new Date() });
  return entry;
}

/** An approved payment out of a project's fund. The database refuses it if the fund does not hold the money. */
export async function postDisbursement(
  tx: Db,
  p: { disbursementId: string; projectId: string; amountFen: number; purpose: string; postedById?: string | null; postedAt?: Date },
) {
  const fund = accountCodes.projectFund(p.projectId);
  const entry = await postEntry(tx, {
    kind: 'disbursement',
    memo: p.purpose,
    disbursementId: p.disbursementId,
    postedById: p.postedById,
    postedAt: p.postedAt,
    lines: [
      { accountCode: fund, amountFen: -p.amountFen },
      { accountCode: accountCodes.paymentsOut(p.projectId), amountFen: p.amountFen },
    ],
  });
  await consumeFifo(tx, { accountCode: fund, outflowEntryId: entry.id, amountFen: p.amountFen });
  return entry;
}
