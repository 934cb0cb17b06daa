import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

export type HashableEntry = {
  id: number;
  kind: string;
  memo: string;
  postedAt: Date;
  donationId: string | null;
  disbursementId: string | null;
  reversesEntryId: number | null;
  lines: { accountCode: string; amountFen: number }[];
};

/** sha256 over the entry's content and the previous entry's hash: change any posted row and the chain breaks. */
export function hashEntry(entry: HashableEntry, prevHash: string): string {
  const lines = [...entry.lines]
    .sort((a, b) => a.accountCode.localeCompare(b.accountCode) || a.amountFen - b.amountFen)
    .map((l) => `${l.accountCode}=${l.amountFen}`);
  const canonical = JSON.stringify([
    entry.id,
    entry.kind,
    entry.memo,
    entry.postedAt.toISOString(),
    entry.donationId,
    entry.disbursementId,
    entry.reversesEntryId,
    lines,
    prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
