import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { journalEntries, journalLines, ledgerAccounts } from '@/db/schema';
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
  // Inside the caller's transaction this is a savepoint; on its own, it is the transaction.
  return db.transaction((tx) => postInTransaction(tx, posting));
}

async function postInTransaction(tx: Db, posting: Posting): Promise<{ id: number; hash: string }> {
  const lines = posting.lines.filter((l) => l.amountFen !== 0);
  if (lines.some((l) => !Number.isSafeInteger(l.amountFen))) throw new Error('ledger amounts must be integer fen');
  if (lines.length < 2 || lines.reduce((s, l) => s + l.amountFen, 0) !== 0) throw new Error('unbalanced posting');

  await lockLedger(tx);
  const [last] = await tx.execute<{ hash: string }>(sql`select hash from journal_entries order by id desc limit 1`);
  const prevHash = last?.hash ?? genesisHash;
  const [{ id }] = await tx.execute<{ id: string }>(sql`select nextval(pg_get_serial_sequence('journal_entries','id')) as id`);
  const entry = {
    id: Number(id),
    kind: posting.kind,
    memo: posting.memo,
    postedAt: posting.postedAt ?? new Date(),
    donationId: posting.donationId ?? null,
    disbursementId: posting.disbursementId ?? null,
    reversesEntryId: posting.reversesEntryId ?? null,
    lines,
  };
  const hash = hashEntry(entry, prevHash);
  await tx.insert(journalEntries).values({ ...entry, postedById: posting.postedById ?? null, prevHash, hash });

  for (const line of lines) {
    const { kind, projectId } = kindOfCode(line.accountCode);
    await tx
      .insert(ledgerAccounts)
      .values({ code: line.accountCode, kind, projectId })
      .onConflictDoNothing({ target: ledgerAccounts.code });
    try {
      const [account] = await tx
        .update(ledgerAccounts)
        .set({ balanceFen: sql`${ledgerAccounts.balanceFen} + ${line.amountFen}` })
        .where(sql`${ledgerAccounts.code} = ${line.accountCode}`)
        .returning({ id: ledgerAccounts.id });
      await tx.insert(journalLines).values({ entryId: entry.id, accountId: account.id, amountFen: line.amountFen });
    } catch (e) {
      if (isFundCheckViolation(e)) throw new AppError('insufficient_funds', `${line.accountCode} would go below zero`);
      throw e;
    }
  }
  return { id: entry.id, hash };
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
