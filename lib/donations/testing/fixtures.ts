import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { uniqueSuffix } from '@/db/test-db';
import { donations, journalEntries, ledgerAccounts, projects, users } from '@/db/schema';
import { accountCodes } from '@/lib/ledger/accounts';

/** Rows a donations test needs, made fresh for each test: it never relies on what else is in the database. */
export async function newProject(db: Db, status: 'active' | 'paused' | 'draft' = 'active') {
  const slug = `t-${uniqueSuffix()}`;
  const [p] = await db
    .insert(projects)
    .values({ slug, nameZh: '测试项目', nameEn: 'Test project', summaryZh: '测试', summaryEn: 'Test', status, goalFen: 1_000_000 })
    .returning();
  return p;
}

export async function newUser(db: Db, role: 'donor' | 'admin' | 'social_worker' = 'donor') {
  const [u] = await db
    .insert(users)
    .values({ email: `${role}-${uniqueSuffix()}@test.example`, name: `测试${role}`, passwordHash: 'x', role })
    .returning({ id: users.id, name: users.name });
  return u;
}

export async function newPendingDonation(db: Db, values: Partial<typeof donations.$inferInsert> & { projectId: string | null }) {
  const [d] = await db
    .insert(donations)
    .values({ amountFen: 10000, provider: 'demo', displayName: '测试捐赠人', ...values })
    .returning();
  return d;
}

export async function donationRow(db: Db, id: string) {
  const [d] = await db.select().from(donations).where(eq(donations.id, id));
  return d;
}

export async function balanceOf(db: Db, code: string): Promise<number> {
  const [a] = await db.select({ b: ledgerAccounts.balanceFen }).from(ledgerAccounts).where(eq(ledgerAccounts.code, code));
  return a?.b ?? 0;
}

export const fundOf = (projectId: string) => accountCodes.projectFund(projectId);

/** The journal entries of one kind booked for one donation. */
export async function entriesFor(db: Db, donationId: string, kind: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(journalEntries)
    .where(sql`${journalEntries.donationId} = ${donationId} and ${journalEntries.kind} = ${kind}`);
  return row.n;
}

/** The signed amount an entry kind moved on one account for one donation. */
export async function movedOn(db: Db, donationId: string, code: string): Promise<number> {
  const [row] = await db.execute<{ s: string }>(sql`
    select coalesce(sum(l.amount_fen), 0) as s
    from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.id = l.account_id
    where e.donation_id = ${donationId} and a.code = ${code}`);
  return Number(row.s);
}
