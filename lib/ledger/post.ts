import { sql } from 'drizzle-orm';
import { inTransaction, type Db } from '@/db/client';
import { journalEntries, ledgerAccounts } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { kindOfCode } from './accounts';
import { genesisHash, hashEntry } from './hash';

export type PostingLine = { accountCode: string; amountFen: number };

export type Posting = {
  kind: 'donation' | 'refund' | 'fee' | 'allocation' | 'disbursement' | 'reversal';
  memo: string;
  lines: PostingLine[];
  donationId?: string | null;
  disbursementId?: string | null;
  reversesEntryId?: number | null;
  postedById?: string | null;
  /** When the money actually moved (a confirmed payment's time); defaults to now. */
  postedAt?: Date;
};

/**
 * Posts one balanced entry, atomically with the caller's transaction when there is one. The advisory lock orders entries
 * so each one hashes its predecessor; the account rows' cached balances move in the same transaction,
 * and the database refuses any fund that would go below zero (insufficient_funds).
 */
export async function postEntry(db: Db, posting: Posting): Promise<{ id: number; hash: string }> {
  const [entry] = await postEntries(db, [posting]);
  return entry;
}

/**
 * Several entries in order, chained one after the other, in the same few statements as one. Each account moves
 * by its net change across them, so the zero floor is checked on where a fund ends: right for entries that
 * only credit funds (a batch of gifts); entries that spend go one at a time, each checked on its own.
 */
export async function postEntries(db: Db, postings: Posting[]): Promise<{ id: number; hash: string }[]> {
  return inTransaction(db, (tx) => postInTransaction(tx, postings.map(checked)));
}

function checked(posting: Posting): Posting {
  const lines = posting.lines.filter((l) => l.amountFen !== 0);
  if (lines.some((l) => !Number.isSafeInteger(l.amountFen))) throw new Error('ledger amounts must be integer fen');
  if (lines.length < 2 || lines.reduce((s, l) => s + l.amountFen, 0) !== 0) throw new Error('unbalanced posting');
  return { ...posting, lines };
}

async function postInTransaction(tx: Db, postings: Posting[]): Promise<{ id: number; hash: string }[]> {
  if (postings.length === 0) return [];
  await lockLedger(tx);
  // After the lock, in a statement of its own, so it sees the entry committed just before (read committed).
  const next = await tx.execute<{ hash: string | null; id: string }>(
    sql`select (select hash from journal_entries order by id desc limit 1) as hash, nextval(pg_get_serial_sequence('journal_entries','id')) as id
        from generate_series(1, ${postings.length}::int)`,
  );
  const ids = next.map((r) => Number(r.id)).sort((a, b) => a - b);
  let prevHash = next[0].hash ?? genesisHash;
  const entries = postings.map((posting, i) => {
    const entry = {
      id: ids[i],
      kind: posting.kind,
      memo: posting.memo,
      postedAt: posting.postedAt ?? new Date(),
      donationId: posting.donationId ?? null,
      disbursementId: posting.disbursementId ?? null,
      reversesEntryId: posting.reversesEntryId ?? null,
      lines: posting.lines,
    };
    const row = { ...entry, postedById: posting.postedById ?? null, prevHash, hash: hashEntry(entry, prevHash) };
    prevHash = row.hash;
    return row;
  });
  const lines = entries.flatMap((e) => e.lines.map((l) => ({ entry_id: e.id, code: l.accountCode, amount: l.amountFen }))).map((l, n) => ({ ...l, n }));
  // The entries, their accounts (opened on first use) and their lines go out together, in this order: one round
  // trip while the ledger is locked. One statement moves each account's cached balance and records the lines.
  await Promise.all([
    tx.insert(journalEntries).values(entries).then(),
    tx
      .insert(ledgerAccounts)
      .values([...new Set(lines.map((l) => l.code))].map((code) => ({ code, ...kindOfCode(code) })))
      .onConflictDoNothing({ target: ledgerAccounts.code })
      .then(),
    tx
      .execute(
        sql`with line as (
              select * from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as l(entry_id bigint, code text, amount bigint, n int)),
            moved as (
              update ledger_accounts a set balance_fen = a.balance_fen + t.total
              from (select code, sum(amount) as total from line group by code) t where a.code = t.code returning a.id, a.code)
            insert into journal_lines (entry_id, account_id, amount_fen)
            select line.entry_id, moved.id, line.amount from line join moved using (code) order by line.n`,
      )
      .then(undefined, (e) => {
        if (!isFundCheckViolation(e)) throw e;
        const debited = [...new Set(lines.filter((l) => l.amount < 0).map((l) => l.code))];
        throw new AppError('insufficient_funds', `${debited.join(', ')} would go below zero`);
      }),
  ]);
  return entries.map((e) => ({ id: e.id, hash: e.hash }));
}

/**
 * Serialises every posting (so each entry hashes its predecessor). Callers that read fund state before
 * posting — a refund deciding what the gift still holds — take it first, so nothing moves in between.
 */
export async function lockLedger(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7243001)`);
}

function isFundCheckViolation(e: unknown): boolean {
  const err = e as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const c = err.cause ?? err;
  return c.code === '23514' && c.constraint_name === 'ledger_accounts_fund_nonneg';
}
