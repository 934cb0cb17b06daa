import { describe, expect, it } from 'vitest';
import { getHeadlineFigures } from '@/lib/reports/figures';
import { getHeadline } from '@/lib/reports/transparency';
import { verifyBalances, verifyChain, verifyInflows } from '@/lib/ledger/verify';
import { verifySummaries } from '@/lib/summaries/verify';
import { createDb } from '../client';
import { migrateDb } from '../migrate';
import { emptyDatabase } from '../test-db';
import { programPlan, seedDemo } from './demo';
import { seedScale } from './scale';

describe('the scaled dataset (--scale N)', () => {
  it('adds N times the published size, with a hash chain and balances that verify', async () => {
    const target = await emptyDatabase('azjb_program');
    const { db, close } = createDb(target.url, 1);
    try {
      await migrateDb(db);
      await seedDemo(db, new Date('2026-11-01T00:00:00Z'));
      const before = await getHeadline(db);
      await close();
      await seedScale(target.url, 0.4, new Date('2026-11-01T00:00:00Z'));
      const after = createDb(target.url, 1);
      try {
        const h = await getHeadline(after.db);
        expect(h.raisedFen - before.raisedFen).toBe(0.4 * 130_000_000);
        expect(h.personTimes - before.personTimes).toBe(0.4 * 5000);
        expect(h.needsValid - before.needsValid).toBe(Math.round(0.4 * 750));
        expect((await verifyChain(after.db)).firstBrokenEntryId).toBeNull();
        expect(await verifyBalances(after.db)).toEqual([]);
        expect(await verifyInflows(after.db)).toEqual([]);
        // The batch load's triggers kept every summary exact.
        expect(await verifySummaries(after.db)).toEqual([]);
      } finally {
        await after.close();
      }
    } finally {
      await target.drop();
    }
  }, 600_000);
});

describe('the programme-scale dataset', () => {
  it('makes the report show exactly the published figures, with books that verify', async () => {
    const target = await emptyDatabase('azjb_program');
    const { db, close } = createDb(target.url, 1);
    try {
      await migrateDb(db);
      await seedDemo(db, new Date('2026-11-01T00:00:00Z'), programPlan);
      const h = await getHeadline(db);
      expect(h.needsValid).toBe(750);
      expect(h.raisedFen).toBe(130_000_000);
      expect(h.personTimes).toBe(5000);
      expect(h.activeProjects).toBe(12);
      expect(await getHeadlineFigures(db)).toEqual({ raisedFen: 130_000_000, validNeeds: 750, personTimes: 5000, activeProjects: 12 });
      expect((await verifyChain(db)).firstBrokenEntryId).toBeNull();
      expect(await verifyBalances(db)).toEqual([]);
      expect(await verifyInflows(db)).toEqual([]);
      expect(await verifySummaries(db)).toEqual([]);
    } finally {
      await close();
      await target.drop();
    }
  }, 600_000);
});
