import { randomUUID } from 'node:crypto';
import { gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import type { Db } from '@/db/client';
import { donations, ledgerChecks } from '@/db/schema';
import { brokenCheck, checkInBackground, checkLedger, checkOnVisit, entriesPerVisit, hasUncheckedEntries, ledgerCheckState, needsBackgroundCheck, type LedgerCheck } from './checks';
import { postDonation } from './movements';

const db = useTestDb();

async function give(amountFen = 100): Promise<number> {
  const [d] = await db
    .insert(donations)
    .values({ projectId: null, amountFen, provider: 'demo', status: 'paid', certificateNo: `C-${uniqueSuffix()}`, paidAt: new Date() })
    .returning();
  await db.transaction((tx) => postDonation(tx, { id: d.id, projectId: null, amountFen, certificateNo: d.certificateNo!, paidAt: new Date() }));
  const [{ id }] = await db.execute<{ id: string }>(sql`select id from journal_entries where donation_id = ${d.id}`);
  return Number(id);
}

const entriesThrough = async (tx: Db, id: number) =>
  Number((await tx.execute<{ n: string }>(sql`select count(*) as n from journal_entries where id <= ${id}`))[0].n);

/** Changes an entry behind the ledger's back, inside the caller's transaction (rolled back by the test). */
async function tamper(tx: Db, id: number) {
  await tx.execute(sql`alter table journal_entries disable trigger journal_entries_append_only`);
  await tx.execute(sql`update journal_entries set memo = 'nothing to see here' where id = ${id}`);
}

async function rolledBack(run: (tx: Db) => Promise<void>) {
  await expect(
    db.transaction(async (tx) => {
      await run(tx);
      throw new Error('rollback');
    }),
  ).rejects.toThrow('rollback');
}

describe('ledger checks', () => {
  it('checks the whole chain and every balance in a full check, then goes on from where the last check ended', async () => {
    await give();
    const full = (await checkLedger(db, { full: true }))!;
    expect(full).toMatchObject({ full: true, brokenEntryId: null, problem: null, balanceMismatches: 0 });
    expect(full.entries).toBe(await entriesThrough(db, full.throughEntryId));

    const [a, b, c] = [await give(), await give(), await give()];
    const one = (await checkLedger(db, { maxEntries: 1 }))!;
    expect(one.full).toBe(false);
    expect(one.entries).toBe(full.entries + 1);
    expect(one.throughEntryId).toBeGreaterThan(full.throughEntryId);
    expect(one.throughEntryId).toBeLessThanOrEqual(a);
    expect(one.balanceMismatches).toBeNull();

    const rest = (await checkLedger(db))!;
    expect(rest.throughEntryId).toBeGreaterThanOrEqual(c);
    expect(rest.entries).toBe(await entriesThrough(db, rest.throughEntryId));
    expect([a, b, c].every((id) => id <= rest.throughEntryId)).toBe(true);
    expect((await ledgerCheckState(db)).latest?.id).toBe(rest.id);
  });

  it('finds a changed entry, and finds it again on every check until it is repaired', async () => {
    await checkLedger(db);
    const changed = await give();
    await rolledBack(async (tx) => {
      await tamper(tx, changed);
      for (let i = 0; i < 2; i++) {
        const check = (await checkLedger(tx))!;
        expect(check.brokenEntryId).toBe(changed);
        expect(check.problem).toBe('hash_mismatch');
        expect(check.throughEntryId).toBeLessThan(changed);
      }
    });
    expect((await checkLedger(db))!.brokenEntryId).toBeNull();
  });

  it('leaves an entry already checked to the full check, whose break later checks of new entries do not hide', async () => {
    const old = await give();
    await checkLedger(db);
    await give();
    await rolledBack(async (tx) => {
      await tamper(tx, old);
      expect((await checkLedger(tx))!.brokenEntryId).toBeNull();
      const full = (await checkLedger(tx, { full: true }))!;
      expect(full).toMatchObject({ brokenEntryId: old, problem: 'hash_mismatch' });
      // The newest entries are intact, and the break found further back is still the one reported.
      expect((await checkLedger(tx))!.brokenEntryId).toBeNull();
      expect(brokenCheck(await ledgerCheckState(tx))?.brokenEntryId).toBe(old);
    });
  });

  it('runs one check at a time: of two at once, one checks and the other records nothing', async () => {
    await give();
    const state = await ledgerCheckState(db);
    // In one process, a background check asked for while one runs is that same check.
    const background = checkInBackground(db, state);
    expect(checkInBackground(db, state)).toBe(background);
    await background;

    const before = (await ledgerCheckState(db)).latest!.id;
    const results = await Promise.all([checkLedger(db, { full: true }), checkLedger(db, { full: true })]);
    const ran = results.filter((r): r is LedgerCheck => r !== null);
    const recorded = await db.select({ id: ledgerChecks.id }).from(ledgerChecks).where(gt(ledgerChecks.id, before));
    expect(recorded.map((r) => r.id).sort()).toEqual(ran.map((r) => r.id).sort());
    // Across connections (several instances) the lock lets one run. The embedded test database has a single
    // connection, so there the two cannot overlap: both run, one after the other.
    expect(ran).toHaveLength(process.env.EMBEDDED_DB === '1' ? 2 : 1);
  });

  it('checks newer entries on a visit only when the latest check is not fresh', async () => {
    await give();
    const fresh = (await checkLedger(db))!;
    await give();
    const visit = await checkOnVisit(db);
    expect(visit.latest?.id).toBe(fresh.id);
    expect(visit.newestEntryId).toBeGreaterThan(fresh.throughEntryId);

    const stale = { ...visit, latest: { ...fresh, checkedAt: new Date(Date.now() - 60_000) } };
    expect(hasUncheckedEntries(stale)).toBe(true);
    expect(hasUncheckedEntries({ ...stale, newestEntryId: fresh.throughEntryId })).toBe(false);
    expect(hasUncheckedEntries({ latest: null, latestFull: null, newestEntryId: 1 })).toBe(true);
  });

  it('leaves to after the response what a visit may not do: a full check due, or more new entries than a visit checks', () => {
    const check = (over: Partial<LedgerCheck>): LedgerCheck => ({
      id: 1,
      checkedAt: new Date(),
      full: true,
      throughEntryId: 10,
      entries: 10,
      headHash: randomUUID(),
      brokenEntryId: null,
      problem: null,
      balanceMismatches: 0,
      ...over,
    });
    const recent = check({});
    expect(needsBackgroundCheck({ latest: recent, latestFull: recent, newestEntryId: 10 + entriesPerVisit })).toBe(false);
    expect(needsBackgroundCheck({ latest: recent, latestFull: recent, newestEntryId: 11 + entriesPerVisit })).toBe(true);
    expect(needsBackgroundCheck({ latest: recent, latestFull: check({ checkedAt: new Date(Date.now() - 25 * 3600_000) }), newestEntryId: 10 })).toBe(true);
    expect(needsBackgroundCheck({ latest: recent, latestFull: null, newestEntryId: 10 })).toBe(true);
    const broken = check({ full: false, brokenEntryId: 11, problem: 'hash_mismatch' });
    expect(needsBackgroundCheck({ latest: broken, latestFull: recent, newestEntryId: 11 + entriesPerVisit })).toBe(false);
  });
});
