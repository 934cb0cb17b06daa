import { asc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { journalEntries } from '@/db/schema';
import { toCsv } from '@/lib/csv';
import { getByProject, getMonthly, listPublicPayments } from './transparency';

export type JournalExportEntry = {
  id: number;
  postedAt: string;
  kind: string;
  memo: string;
  donationId: string | null;
  disbursementId: string | null;
  reversesEntryId: number | null;
  prevHash: string;
  hash: string;
  lines: { account: string; amountFen: number }[];
};

/**
 * The whole journal with its hash chain: everything needed to recompute each hash (see README, "Open data").
 * Donations appear only as opaque ids; no person is named anywhere in the journal.
 */
export async function exportJournal(db: Db): Promise<JournalExportEntry[]> {
  const entries = await db.select().from(journalEntries).orderBy(asc(journalEntries.id));
  const lines = await db.execute<{ entry_id: string; code: string; amount_fen: string }>(sql`
    select l.entry_id, a.code, l.amount_fen from journal_lines l join ledger_accounts a on a.id = l.account_id order by l.entry_id, l.id`);
  const byEntry = new Map<number, { account: string; amountFen: number }[]>();
  for (const l of lines) {
    const id = Number(l.entry_id);
    byEntry.set(id, [...(byEntry.get(id) ?? []), { account: l.code, amountFen: Number(l.amount_fen) }]);
  }
  return entries.map((e) => ({
    id: e.id,
    postedAt: e.postedAt.toISOString(),
    kind: e.kind,
    memo: e.memo,
    donationId: e.donationId,
    disbursementId: e.disbursementId,
    reversesEntryId: e.reversesEntryId,
    prevHash: e.prevHash,
    hash: e.hash,
    lines: byEntry.get(e.id) ?? [],
  }));
}

export async function openDataFile(db: Db, file: string): Promise<{ body: string; type: string } | null> {
  switch (file) {
    case 'journal.json':
      return { body: JSON.stringify(await exportJournal(db), null, 1), type: 'application/json; charset=utf-8' };
    case 'journal.csv': {
      const rows = (await exportJournal(db)).flatMap((e) =>
        e.lines.map((l) => [e.id, e.postedAt, e.kind, e.memo, e.donationId, e.disbursementId, e.reversesEntryId, l.account, l.amountFen, e.prevHash, e.hash]),
      );
      const header = ['entry_id', 'posted_at', 'kind', 'memo', 'donation_id', 'disbursement_id', 'reverses_entry_id', 'account', 'amount_fen', 'prev_hash', 'hash'];
      return { body: toCsv(header, rows), type: 'text/csv; charset=utf-8' };
    }
    case 'payments.csv': {
      const payments = await listPublicPayments(db, 1_000_000);
      const rows = payments.map((p) => [p.id, p.date.toISOString(), p.projectId, p.amountFen, (p.amountFen / 100).toFixed(2), p.purpose, p.category, p.areaId, p.reversalNote]);
      return { body: toCsv(['id', 'approved_at', 'project_id', 'amount_fen', 'amount_yuan', 'purpose', 'category', 'area', 'reversed_note'], rows), type: 'text/csv; charset=utf-8' };
    }
    case 'projects.csv': {
      const rows = (await getByProject(db)).map((r) => [r.id, r.slug, r.nameZh, r.nameEn, r.raisedFen, r.allocatedFen, r.spentFen, r.balanceFen, r.personTimes]);
      const header = ['project_id', 'slug', 'name_zh', 'name_en', 'raised_fen', 'allocated_in_fen', 'spent_fen', 'balance_fen', 'person_times'];
      return { body: toCsv(header, rows), type: 'text/csv; charset=utf-8' };
    }
    case 'monthly.csv': {
      const rows = (await getMonthly(db)).map((m) => [m.month, m.raisedFen, m.spentFen]);
      return { body: toCsv(['month', 'raised_fen', 'spent_fen'], rows), type: 'text/csv; charset=utf-8' };
    }
    case 'monthly.json':
      return { body: JSON.stringify(await getMonthly(db), null, 1), type: 'application/json; charset=utf-8' };
    default:
      return null;
  }
}
