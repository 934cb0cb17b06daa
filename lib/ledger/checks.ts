import { desc, eq, isNull, max, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '@/db/client';
import { journalEntries, ledgerChecks } from '@/db/schema';
import { chainBeginning, verifyBalances, verifyChain, verifyInflows } from './verify';

export type LedgerCheck = typeof ledgerChecks.$inferSelect;
export type LedgerCheckState = { latest: LedgerCheck | null; latestFull: LedgerCheck | null; newestEntryId: number };

/** How often a visitor's request may re-check the newest entries, and how many of them it checks at most. */
export const checkEverySeconds = 10;
export const entriesPerVisit = 1000;
/** A full check (the whole chain from the first entry, every balance) is started when the last is older. */
export const fullCheckEveryHours = 24;

/** What the verify page shows: the latest check, the latest full check, and the newest entry in the journal. */
export async function ledgerCheckState(db: Db): Promise<LedgerCheckState> {
  const [[latest], [latestFull], [newest]] = await Promise.all([
    db.select().from(ledgerChecks).orderBy(desc(ledgerChecks.id)).limit(1),
    db.select().from(ledgerChecks).where(eq(ledgerChecks.full, true)).orderBy(desc(ledgerChecks.id)).limit(1),
    db.select({ id: max(journalEntries.id) }).from(journalEntries),
  ]);
  return { latest: latest ?? null, latestFull: latestFull ?? null, newestEntryId: newest?.id ?? 0 };
}

/**
 * The break to report, if any: the latest check's, or else the latest full check's — a check of the newest
 * entries goes on from the last part found intact, so it cannot clear a break a full check found further back.
 */
export function brokenCheck({ latest, latestFull }: LedgerCheckState): LedgerCheck | null {
  return latest?.brokenEntryId ? latest : latestFull?.brokenEntryId ? latestFull : null;
}

/** Newer entries than the latest check covers, and that check no longer fresh: time a visitor's request checks them. */
export function hasUncheckedEntries(state: LedgerCheckState, now = new Date()): boolean {
  const { latest, newestEntryId } = state;
  if (!latest) return newestEntryId > 0;
  return newestEntryId > latest.throughEntryId && now.getTime() - latest.checkedAt.getTime() >= checkEverySeconds * 1000;
}

export function fullCheckIsDue(state: LedgerCheckState, now = new Date()): boolean {
  return !state.latestFull || now.getTime() - state.latestFull.checkedAt.getTime() >= fullCheckEveryHours * 3600_000;
}

/**
 * Checks the chain and records the result. A full check starts at the first entry and also compares every
 * cached balance and fund's unspent inflows with the entries; otherwise the check goes on from the end of the
 * last part found intact (so a break, once found, is found again until it is repaired), for up to
 * `maxEntries` entries. One check at a time across every instance: returns null when another is running.
 */
export async function checkLedger(db: Db, { full = false, maxEntries = Infinity }: { full?: boolean; maxEntries?: number } = {}): Promise<LedgerCheck | null> {
  return inTransaction(db, async (tx) => {
    const [{ locked }] = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('ledger_checks')) as locked`);
    if (!locked) return null;
    const [lastIntact] = full
      ? []
      : await tx.select().from(ledgerChecks).where(isNull(ledgerChecks.brokenEntryId)).orderBy(desc(ledgerChecks.id)).limit(1);
    const chain = await verifyChain(tx, { from: lastIntact ?? chainBeginning, maxEntries });
    const balanceMismatches = full ? (await verifyBalances(tx)).length + (await verifyInflows(tx)).length : null;
    const [check] = await tx
      .insert(ledgerChecks)
      .values({
        full,
        throughEntryId: chain.throughEntryId,
        entries: chain.entries,
        headHash: chain.headHash,
        brokenEntryId: chain.firstBrokenEntryId,
        problem: chain.problem,
        balanceMismatches,
      })
      .returning();
    // Only the latest partial check is ever continued from; older ones are history of a day at most.
    await tx.execute(sql`delete from ledger_checks where not full_check and id < ${check.id} and checked_at < now() - interval '1 day'`);
    return check;
  });
}

/**
 * A visit to the verify page: when newer entries wait and the latest check is not fresh, checks up to
 * `entriesPerVisit` of them before the page is shown (one visitor at a time; the others see the latest result).
 */
export async function checkOnVisit(db: Db): Promise<LedgerCheckState> {
  const state = await ledgerCheckState(db);
  if (!hasUncheckedEntries(state)) return state;
  const latest = await checkLedger(db, { maxEntries: entriesPerVisit });
  return latest ? { ...state, latest } : state;
}

/**
 * What is left after a visit is done after the response: a full check that is due, or more new entries than a
 * visit checks (unless the latest check found a break: checking on would only find it again).
 */
export function needsBackgroundCheck(state: LedgerCheckState): boolean {
  const { latest, newestEntryId } = state;
  return fullCheckIsDue(state) || (!latest?.brokenEntryId && newestEntryId - (latest?.throughEntryId ?? 0) > entriesPerVisit);
}

let running: Promise<unknown> | null = null;

/** Runs off the request path, one at a time in this process (and, through the lock, across instances). */
export function checkInBackground(db: Db, state: LedgerCheckState): Promise<unknown> {
  running ??= checkLedger(db, { full: fullCheckIsDue(state) })
    .catch((e) => console.error('ledger check failed', e))
    .finally(() => (running = null));
  return running;
}
