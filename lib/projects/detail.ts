import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { areas, disbursements, fundDonationTotals, journalEntries, ledgerAccounts, projectAreas, projectCaseTotals, projects } from '@/db/schema';
import { accountCodes } from '@/lib/ledger/accounts';

/**
 * One project's public page: its story, reach, money raised and its latest payments out. The figures come
 * from the project's summary rows and ledger account, each one index lookup.
 */
export async function getProjectDetail(db: Db, slug: string) {
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.slug, slug), sql`${projects.status} <> 'draft'`));
  if (!project) return null;

  const [[money], [reach], covered, [fund], spending] = await Promise.all([
    db
      .select({ raisedFen: fundDonationTotals.raisedFen, gifts: fundDonationTotals.gifts })
      .from(fundDonationTotals)
      .where(eq(fundDonationTotals.projectId, project.id)),
    db
      .select({ beneficiaries: projectCaseTotals.beneficiaries, personTimes: projectCaseTotals.personTimes })
      .from(projectCaseTotals)
      .where(eq(projectCaseTotals.projectId, project.id)),
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
    raisedFen: money?.raisedFen ?? 0,
    gifts: money?.gifts ?? 0,
    /** Distinct needs with at least one service record from this project. */
    beneficiaries: reach?.beneficiaries ?? 0,
    personTimes: reach?.personTimes ?? 0,
    areas: covered,
    balanceFen: fund?.balanceFen ?? 0,
    spending,
  };
}

export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProjectDetail>>>;

/**
 * The latest payments out of the project (what the money bought, never to whom), with the journal entry
 * that posted each. A payment is posted at the moment it is approved, so the newest decisions are the
 * newest postings: disbursements_project_public_idx gives them without a sort. Reversed payments stay
 * listed, as their original entry stays in the journal.
 */
function latestSpending(db: Db, projectId: string) {
  return db
    .select({
      entryId: journalEntries.id,
      postedAt: journalEntries.postedAt,
      amountFen: disbursements.amountFen,
      purpose: disbursements.purpose,
      category: disbursements.category,
    })
    .from(disbursements)
    .innerJoin(journalEntries, and(eq(journalEntries.disbursementId, disbursements.id), eq(journalEntries.kind, 'disbursement')))
    // Literal statuses, so the planner can match the partial index even in a generic prepared plan.
    .where(and(eq(disbursements.projectId, projectId), sql`${disbursements.status} in ('approved','reversed')`))
    .orderBy(desc(disbursements.decidedAt), desc(journalEntries.id))
    .limit(5);
}
