import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { journalEntries, journalLines, ledgerAccounts, projects } from '@/db/schema';
import { accountCodes } from './accounts';
import { postDonation, postDonations } from './movements';
import { postEntry } from './post';
import { verifyChain } from './verify';

const db = useTestDb();

async function newProject() {
  const [p] = await db
    .insert(projects)
    .values({ slug: `p-${uniqueSuffix()}`, nameZh: '测试项目', nameEn: 'Test', summaryZh: '测试', summaryEn: 'Test', status: 'draft' })
    .returning();
  return p.id;
}

// Gifts go through the real movement, so the fund's FIFO inflows stay equal to its balance.
const give = (projectId: string, fen: number) =>
  db.transaction((tx) => postDonation(tx, { id: randomUUID(), projectId, amountFen: fen, certificateNo: 'TEST', paidAt: new Date() }));

const balance = async (code: string) =>
  (await db.select({ b: ledgerAccounts.balanceFen }).from(ledgerAccounts).where(eq(ledgerAccounts.code, code)))[0]?.b ?? 0;

describe('posting to the ledger', () => {
  it('moves cached balances with each entry', async () => {
    const p = await newProject();
    await give(p, 10000);
    await give(p, 2500);
    expect(await balance(accountCodes.projectFund(p))).toBe(12500);
  });

  it('refuses to spend more than a fund holds, leaving nothing behind', async () => {
    const p = await newProject();
    await give(p, 5000);
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(journalEntries);
    await expect(
      postEntry(db, {
        kind: 'disbursement',
        memo: 'too much',
        lines: [
          { accountCode: accountCodes.projectFund(p), amountFen: -5001 },
          { accountCode: accountCodes.paymentsOut(p), amountFen: 5001 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'insufficient_funds' });
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(journalEntries);
    expect(after[0].n).toBe(before[0].n);
    expect(await balance(accountCodes.projectFund(p))).toBe(5000);
  });

  it('refuses unbalanced postings in code', async () => {
    const p = await newProject();
    await expect(
      postEntry(db, { kind: 'donation', memo: 'x', lines: [{ accountCode: accountCodes.projectFund(p), amountFen: 100 }, { accountCode: accountCodes.clearing, amountFen: -99 }] }),
    ).rejects.toThrow(/unbalanced/);
  });

  it('chains each entry to the previous one', async () => {
    const p = await newProject();
    const a = await give(p, 100);
    const b = await give(p, 200);
    const [row] = await db.select().from(journalEntries).where(eq(journalEntries.id, b.id));
    expect(row.prevHash).toBe(a.hash);
  });

  it('posts several entries together as if one after the other: chained, each with its lines, balances summed', async () => {
    const [p, q] = [await newProject(), await newProject()];
    const gifts = [300, 500, 700, 1100].map((fen, i) => ({ id: randomUUID(), projectId: i % 2 ? q : p, amountFen: fen, certificateNo: `T${i}`, paidAt: new Date() }));
    const entries = await db.transaction((tx) => postDonations(tx, gifts));
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => a - b));
    const rows = await db.select().from(journalEntries).where(inArray(journalEntries.id, entries.map((e) => e.id))).orderBy(journalEntries.id);
    expect(rows.map((r) => r.donationId)).toEqual(gifts.map((g) => g.id));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    const lines = await db.select().from(journalLines).where(inArray(journalLines.entryId, entries.map((e) => e.id)));
    expect(lines).toHaveLength(8);
    expect(await balance(accountCodes.projectFund(p))).toBe(1000);
    expect(await balance(accountCodes.projectFund(q))).toBe(1600);
    expect((await verifyChain(db)).firstBrokenEntryId).toBeNull();
  });
});

describe('the database itself guards the journal', () => {
  it('refuses an entry whose lines do not sum to zero', async () => {
    const p = await newProject();
    const [account] = await db.insert(ledgerAccounts).values({ code: `payments_out:${p}`, kind: 'payments_out', projectId: p }).returning();
    await expect(
      db.transaction(async (tx) => {
        const [e] = await tx
          .insert(journalEntries)
          .values({ kind: 'donation', memo: 'bad', prevHash: 'x', hash: `bad-${uniqueSuffix()}` })
          .returning();
        await tx.execute(sql`insert into journal_lines (entry_id, account_id, amount_fen) values (${e.id}, ${account.id}, 100)`);
      }),
    ).rejects.toThrow();
  });

  it('refuses to update or delete a posted entry', async () => {
    const p = await newProject();
    const { id } = await give(p, 300);
    await expect(db.execute(sql`update journal_entries set memo = 'edited' where id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from journal_lines where entry_id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from journal_entries where id = ${id}`)).rejects.toThrow();
  });
});
