import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { areas, disbursements, journalEntries, journalLines, ledgerAccounts, projectAreas, projects, serviceRecords } from '@/db/schema';
import { accountCodes } from '@/lib/ledger/accounts';

/** One project's public page: its story, reach, money raised and its latest payments out, from the ledger. */
export async function getProjectDetail(db: Db, slug: string) {
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.slug, slug), sql`${projects.status} <> 'draft'`));
  if (!project) return null;

  const [[money], [reach], covered, [fund], spending] = await Promise.all([
    db.execute<{ raised: string; gifts: string }>(sql`
      select coalesce(sum(amount_fen - refunded_fen), 0) as raised, count(*) as gifts
      from donations where project_id = ${project.id} and status in ('paid','partially_refunded')`),
    db
      .select({
        beneficiaries: sql<number>`count(distinct ${serviceRecords.needId})::int`,
        personTimes: sql<number>`coalesce(sum(${serviceRecords.personTimes}), 0)::int`,
      })
      .from(serviceRecords)
      .where(eq(serviceRecords.projectId, project.id)),
    db
      .select({ id: areas.id, nameZh: areas.nameZh, nameEn: areas.nameEn })
      .from(projectAreas)
      .innerJoin(areas, eq(areas.id, projectAreas.areaId))
      .where(eq(projectAreas.projectId, project.id))
      .orderBy(areas.sortOrder),
    db
      .select({ balanceFen: ledgerAccounts.balanceFen })
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.code, accountCodes.projectFund(project.id))),
    latestSpending(db, project.id),
  ]);
  return {
    ...project,
    raisedFen: Number(money.raised),
    gifts: Number(money.gifts),
    beneficiaries: Number(reach?.beneficiaries ?? 0),
    personTimes: Number(reach?.personTimes ?? 0),
    areas: covered,
    balanceFen: fund?.balanceFen ?? 0,
    spending,
  };
}

export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProjectDetail>>>;

/** The latest payments out posted to the project's ledger account (what the money bought, never to whom). */
function latestSpending(db: Db, projectId: string) {
  return db
    .select({
      entryId: journalEntries.id,
      postedAt: journalEntries.postedAt,
      amountFen: journalLines.amountFen,
      purpose: sql<string>`coalesce(${disbursements.purpose}, ${journalEntries.memo})`,
      category: disbursements.category,
    })
    .from(journalLines)
    .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
    .leftJoin(disbursements, eq(disbursements.id, journalEntries.disbursementId))
    .where(and(eq(ledgerAccounts.code, accountCodes.paymentsOut(projectId)), eq(journalEntries.kind, 'disbursement')))
    .orderBy(desc(journalEntries.postedAt))
    .limit(5);
}
