import { and, asc, between, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { journalEntries, journalLines, ledgerAccounts } from '@/db/schema';

export type JournalEntry = typeof journalEntries.$inferSelect & { lines: { accountCode: string; amountFen: number }[] };

/**
 * The journal in id order, a page of entries at a time with their lines (two statements a page), so reading
 * it takes the same memory on any size of journal. Entries are numbered under the ledger's lock as they are
 * posted, so a later entry never appears behind one already read.
 */
export async function* journalPages(db: Db, { afterId = 0, throughId, pageSize = 2000 }: { afterId?: number; throughId?: number; pageSize?: number } = {}) {
  for (;;) {
    const entries = await db
      .select()
      .from(journalEntries)
      .where(and(gt(journalEntries.id, afterId), throughId === undefined ? undefined : lte(journalEntries.id, throughId)))
      .orderBy(asc(journalEntries.id))
      .limit(pageSize);
    if (entries.length === 0) return;
    const lines = await db
      .select({ entryId: journalLines.entryId, accountCode: ledgerAccounts.code, amountFen: journalLines.amountFen })
      .from(journalLines)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
      .where(between(journalLines.entryId, entries[0].id, entries[entries.length - 1].id))
      .orderBy(asc(journalLines.entryId), asc(journalLines.id));
    const byEntry = new Map<number, JournalEntry['lines']>();
    for (const { entryId, ...line } of lines) {
      const list = byEntry.get(entryId);
      if (list) list.push(line);
      else byEntry.set(entryId, [line]);
    }
    yield entries.map((e): JournalEntry => ({ ...e, lines: byEntry.get(e.id) ?? [] }));
    afterId = entries[entries.length - 1].id;
  }
}
