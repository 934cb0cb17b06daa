import { asc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { journalEntries, journalLines, ledgerAccounts } from '@/db/schema';
import { genesisHash, hashEntry } from './hash';

export type ChainReport = {
  entries: number;
  headHash: string;
  firstBrokenEntryId: number | null;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'unbalanced' | null;
};

/**
 * Recomputes the hash chain from the first entry: reports the first entry whose content no longer matches
 * its hash, or whose link to the previous entry is broken. Streams in pages, so it runs on any size of journal.
 */
export async function verifyChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev = genesisHash;
  let count = 0;
  let afterId = 0;
  for (;;) {
    const entries = await db
      .select()
      .from(journalEntries)
      .where(sql`${journalEntries.id} > ${afterId}`)
      .orderBy(asc(journalEntries.id))
      .limit(pageSize);
    if (entries.length === 0) break;
    const lines = await db
      .select({ entryId: journalLines.entryId, accountCode: ledgerAccounts.code, amountFen: journalLines.amountFen })
      .from(journalLines)
      .innerJoin(ledgerAccounts, sql`${ledgerAccounts.id} = ${journalLines.accountId}`)
      .where(sql`${journalLines.entryId} between ${entries[0].id} and ${entries[entries.length - 1].id}`);
    const byEntry = new Map<number, { accountCode: string; amountFen: number }[]>();
    for (const l of lines) byEntry.set(l.entryId, [...(byEntry.get(l.entryId) ?? []), { accountCode: l.accountCode, amountFen: l.amountFen }]);
    for (const e of entries) {
      const entryLines = byEntry.get(e.id) ?? [];
      if (e.prevHash !== prev) return { entries: count, headHash: prev, firstBrokenEntryId: e.id, problem: 'prev_hash_mismatch' };
      if (entryLines.reduce((s, l) => s + l.amountFen, 0) !== 0 || entryLines.length < 2)
        return { entries: count, headHash: prev, firstBrokenEntryId: e.id, problem: 'unbalanced' };
      if (hashEntry({ ...e, lines: entryLines }, prev) !== e.hash) return { entries: count, headHash: prev, firstBrokenEntryId: e.id, problem: 'hash_mismatch' };
      prev = e.hash;
      count++;
    }
    afterId = entries[entries.length - 1].id;
  }
  return { entries: count, headHash: prev, firstBrokenEntryId: null, problem: null };
}

export type BalanceMismatch = { code: string; cached: number; summed: number };

/** Every cached balance must equal the sum of its account's lines. */
export async function verifyBalances(db: Db, onlyCodes?: string[]): Promise<BalanceMismatch[]> {
  const rows = await db.execute<{ code: string; cached: string; summed: string }>(sql`
    select a.code, a.balance_fen as cached, coalesce(sum(l.amount_fen), 0) as summed
    from ledger_accounts a left join journal_lines l on l.account_id = a.id
    ${onlyCodes ? sql`where a.code in ${onlyCodes}` : sql``}
    group by a.id, a.code, a.balance_fen
    having a.balance_fen <> coalesce(sum(l.amount_fen), 0)`);
  return rows.map((r) => ({ code: r.code, cached: Number(r.cached), summed: Number(r.summed) }));
}

/** The unspent inflows of each fund must add up to its balance, or the FIFO trace would be wrong. */
export async function verifyInflows(db: Db, onlyCodes?: string[]): Promise<BalanceMismatch[]> {
  const rows = await db.execute<{ code: string; cached: string; summed: string }>(sql`
    select a.code, a.balance_fen as cached, coalesce((select sum(remaining_fen) from fund_inflows i where i.account_code = a.code), 0) as summed
    from ledger_accounts a
    where a.kind in ('general_fund','project_fund')
      ${onlyCodes ? sql`and a.code in ${onlyCodes}` : sql``}
      and a.balance_fen <> coalesce((select sum(remaining_fen) from fund_inflows i where i.account_code = a.code), 0)`);
  return rows.map((r) => ({ code: r.code, cached: Number(r.cached), summed: Number(r.summed) }));
}
