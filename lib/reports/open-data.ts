import { max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { journalEntries } from '@/db/schema';
import { csvLines, toCsv } from '@/lib/csv';
import { journalPages, type JournalEntry } from '@/lib/ledger/journal-pages';
import { takeRateLimit, type Limit } from '@/lib/rate-limit';
import { textStream } from '@/lib/text-stream';
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

function exportEntry(e: JournalEntry): JournalExportEntry {
  return {
    id: e.id,
    postedAt: e.postedAt.toISOString(),
    kind: e.kind,
    memo: e.memo,
    donationId: e.donationId,
    disbursementId: e.disbursementId,
    reversesEntryId: e.reversesEntryId,
    prevHash: e.prevHash,
    hash: e.hash,
    lines: e.lines.map((l) => ({ account: l.accountCode, amountFen: l.amountFen })),
  };
}

/**
 * The whole journal with its hash chain, as it stood when the download began: everything needed to recompute
 * each hash (see README, "Open data"). Written a page at a time as it is sent, so a journal of any size takes
 * the same memory. Donations appear only as opaque ids; no person is named anywhere in the journal.
 */
async function* journalFile(db: Db, format: 'json' | 'csv'): AsyncGenerator<string> {
  const [newest] = await db.select({ id: max(journalEntries.id) }).from(journalEntries);
  const pages = journalPages(db, { throughId: newest?.id ?? 0 });
  if (format === 'json') {
    let written = 0;
    yield '[';
    for await (const page of pages) yield page.map((e) => `${written++ ? ',' : ''}\n${JSON.stringify(exportEntry(e), null, 1)}`).join('');
    yield '\n]\n';
    return;
  }
  yield `\uFEFF${csvLines([['entry_id', 'posted_at', 'kind', 'memo', 'donation_id', 'disbursement_id', 'reverses_entry_id', 'account', 'amount_fen', 'prev_hash', 'hash']])}`;
  for await (const page of pages) {
    yield csvLines(page.flatMap((e) => e.lines.map((l) => [e.id, e.postedAt.toISOString(), e.kind, e.memo, e.donationId, e.disbursementId, e.reversesEntryId, l.accountCode, l.amountFen, e.prevHash, e.hash])));
  }
}

/**
 * The journal is the one file whose cost grows with the books (tens of seconds of a server's time at 800,000
 * entries), so each address may download it a few times an hour; the other files are small.
 */
export const journalDownloads: Limit = { max: 6, windowSeconds: 3600 };

export type OpenDataFile = { body: string | ReadableStream<Uint8Array>; type: string };

/** An open-data file by name, for the caller at `ip`; null for any other name. */
export async function openDataFile(db: Db, file: string, ip: string): Promise<OpenDataFile | 'throttled' | null> {
  switch (file) {
    case 'journal.json':
    case 'journal.csv': {
      if (!(await takeRateLimit(db, `journal:ip:${ip}`, journalDownloads))) return 'throttled';
      const format = file === 'journal.json' ? 'json' : 'csv';
      return { body: textStream(journalFile(db, format)), type: format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8' };
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
