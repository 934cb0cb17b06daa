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
  return inTransaction(db, (tx) => postInTransaction(tx, posting));
}

async function postInTransaction(tx: Db, posting: Posting): Promise<{ id: number; hash: string }> {
  const lines = posting.lines.filter((l) => l.amountFen !== 0);
  if (lines.some((l) => !Number.isSafeInteger(l.amountFen))) throw new Error('ledger amounts must be integer fen');
  if (lines.length < 2 || lines.reduce((s, l) => s + l.amountFen, 0) !== 0) throw new Error('unbalanced posting');

  await lockLedger(tx);
  // After the lock, in a statement of its own, so it sees the entry committed just before (read committed).
  const [last] = await tx.execute<{ hash: string | null; id: string }>(
    sql`select (select hash from journal_entries order by id desc limit 1) as hash, nextval(pg_get_serial_sequence('journal_entries','id')) as id`,
  );
  const prevHash = last.hash ?? genesisHash;
  const entry = {
    id: Number(last.id),
    kind: posting.kind,
    memo: posting.memo,
    postedAt: posting.postedAt ?? new Date(),
    donationId: posting.donationId ?? null,
    disbursementId: posting.disbursementId ?? null,
    reversesEntryId: posting.reversesEntryId ?? null,
    lines,
  };
  const hash = hashEntry(entry, prevHash);
  // The entry, its accounts (opened on first use) and its lines go out together, in this order: one round trip
  // while the ledger is locked. Each line moves its account's cached balance and is recorded in one statement.
  const writes: Promise<unknown>[] = [tx.insert(journalEntries).values({ ...entry, postedById: posting.postedById ?? null, prevHash, hash }).then()];
  for (const line of lines) {
    const { kind, projectId } = kindOfCode(line.accountCode);
    writes.push(tx.insert(ledgerAccounts).values({ code: line.accountCode, kind, projectId }).onConflictDoNothing({ target: ledgerAccounts.code }).then());
  }
  for (const line of lines) {
    const write = tx.execute(sql`
      with account as (
        update ledger_accounts set balance_fen = balance_fen + ${line.amountFen} where code = ${line.accountCode} returning id)
      insert into journal_lines (entry_id, account_id, amount_fen) select ${entry.id}, id, ${line.amountFen} from account`);
    writes.push(
      write.then(undefined, (e) => {
        throw isFundCheckViolation(e) ? new AppError('insufficient_funds', `${line.accountCode} would go below zero`) : e;
      }),
    );
  }
  await Promise.all(writes);
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
