import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { genesisHash, hashEntry } from './hash';
import { journalPages } from './journal-pages';

export type ChainReport = {
  /** Entries found intact from the first one, and the last of them (0 when there is none yet). */
  entries: number;
  throughEntryId: number;
  headHash: string;
  firstBrokenEntryId: number | null;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'unbalanced' | null;
};

/** Where a check starts: the chain's beginning, or the end of a part already found intact. */
export type ChainStart = { throughEntryId: number; headHash: string; entries: number };
export const chainBeginning: ChainStart = { throughEntryId: 0, headHash: genesisHash, entries: 0 };

/**
 * Recomputes the hash chain from `from` (the first entry by default), up to about `maxEntries` entries:
 * reports the first entry whose content no longer matches its hash, or whose link to the previous entry is
 * broken. Reads the journal a page at a time, so it runs on any size of journal.
 */
export async function verifyChain(db: Db, { from = chainBeginning, maxEntries = Infinity }: { from?: ChainStart; maxEntries?: number } = {}): Promise<ChainReport> {
  let { throughEntryId, headHash: prev, entries: count } = from;
  const report = (firstBrokenEntryId: number | null, problem: ChainReport['problem']) => ({ entries: count, throughEntryId, headHash: prev, firstBrokenEntryId, problem });
  for await (const page of journalPages(db, { afterId: throughEntryId, pageSize: Math.min(2000, maxEntries) })) {
    for (const e of page) {
      if (e.prevHash !== prev) return report(e.id, 'prev_hash_mismatch');
      if (e.lines.reduce((s, l) => s + l.amountFen, 0) !== 0 || e.lines.length < 2) return report(e.id, 'unbalanced');
      if (hashEntry(e, prev) !== e.hash) return report(e.id, 'hash_mismatch');
      prev = e.hash;
      throughEntryId = e.id;
      count++;
    }
    if (count - from.entries >= maxEntries) break;
  }
  return report(null, null);
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
