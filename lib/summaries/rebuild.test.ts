import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { seedDemo } from '@/db/seed/demo';
import { emptyDatabase } from '@/db/test-db';
import { getHeadline } from '@/lib/reports/transparency';
import { verifySummaries } from './verify';

describe('the summary check and rebuild', () => {
  it('find every summary row knocked out of true behind the triggers, and rebuild_summaries() repairs them', async () => {
    // A database of its own: the rebuild locks the source tables, which would stall the other test files.
    const target = await emptyDatabase('azjb_summaries');
    const { db, close } = createDb(target.url, 1);
    try {
      await migrateDb(db);
      await seedDemo(db, new Date('2026-11-01T00:00:00Z'));
      expect(await verifySummaries(db)).toEqual([]);
      const before = await getHeadline(db);

      await db.execute(sql`update fund_donation_totals set raised_fen = raised_fen + 1 where project_id is null`);
      await db.execute(sql`update summary_counters set value = value + 5 where name = 'registered_donors'`);
      await db.execute(sql`delete from ledger_monthly_totals where month = (select min(month) from ledger_monthly_totals)`);
      await db.execute(sql`update need_totals set satisfied = satisfied + 1 where (area_id, category, status) = (select area_id, category, status from need_totals limit 1)`);
      await db.execute(sql`update project_case_totals set beneficiaries = beneficiaries - 1 where project_id = (select project_id from project_case_totals limit 1)`);
      const found = await verifySummaries(db);
      expect([...new Set(found.map((f) => f.summary))].sort()).toEqual([
        'fund_donation_totals',
        'ledger_monthly_totals',
        'need_totals',
        'project_case_totals',
        'summary_counters',
      ]);
      expect(found.find((f) => f.summary === 'fund_donation_totals')).toMatchObject({ key: 'general' });
      expect(found.find((f) => f.summary === 'ledger_monthly_totals')).toMatchObject({ stored: null });

      await db.execute(sql`select rebuild_summaries()`);
      expect(await verifySummaries(db)).toEqual([]);
      expect(await getHeadline(db)).toEqual(before);
    } finally {
      await close();
      await target.drop();
    }
  }, 120_000);
});
