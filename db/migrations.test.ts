import { describe, expect, it } from 'vitest';
import { createDb } from './client';
import { migrateDb } from './migrate';
import { emptyDatabase } from './test-db';

describe('migrations', () => {
  it('apply to an empty database, twice without harm, with the ledger guards in place', async () => {
    const target = await emptyDatabase('azjb_migrate');
    const { db, close } = createDb(target.url, 1);
    try {
      await migrateDb(db);
      await migrateDb(db);
      const tables = await db.execute<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      const names = tables.map((t) => t.table_name);
      for (const t of ['users', 'areas', 'projects', 'needs', 'need_events', 'donations', 'journal_entries', 'journal_lines', 'disbursements', 'payment_events', 'audit_log', 'fund_donation_totals', 'need_totals', 'ledger_monthly_totals']) {
        expect(names).toContain(t);
      }
      const triggers = await db.execute<{ tgname: string }>(`select tgname from pg_trigger where not tgisinternal`);
      expect(triggers.map((t) => t.tgname)).toEqual(
        expect.arrayContaining(['journal_lines_balance', 'journal_entries_append_only', 'journal_lines_append_only', 'journal_lines_summary_insert', 'donations_summary_update', 'needs_summary_update']),
      );
    } finally {
      await close();
      await target.drop();
    }
  });
});
