import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { disbursements, donations, journalEntries, journalLines, ledgerAccounts, projects, serviceRecords } from '@/db/schema';
import { accountCodes } from '@/lib/ledger/accounts';
import type { ProjectCard } from '@/lib/projects/queries';
import type { HeadlineFigures } from '@/lib/reports/figures';
import { smallCellThreshold, type AreaCell, type Headline, type MonthRow, type ProjectRow } from '@/lib/reports/transparency';

/**
 * The public figures computed as they were before the summary tables: by aggregating the raw rows on every
 * call. Tests compare the summary-backed functions with these, within one snapshot.
 */

const netRaised = sql<number>`coalesce(sum(${donations.amountFen} - ${donations.refundedFen}), 0)::bigint`;
const counted = sql`${donations.status} in ('paid','partially_refunded')`;

export async function rawHeadlineFigures(db: Db): Promise<HeadlineFigures> {
  const [row] = await db.execute<Record<keyof HeadlineFigures, string>>(sql`
    select
      (select coalesce(sum(amount_fen - refunded_fen), 0) from donations
        where status in ('paid','partially_refunded')) as "raisedFen",
      (select count(*) from needs
        where status in ('valid','matched','in_service','fulfilled','closed')) as "validNeeds",
      (select coalesce(sum(person_times), 0) from service_records) as "personTimes",
      (select count(*) from projects where status = 'active') as "activeProjects"`);
  return {
    raisedFen: Number(row.raisedFen),
    validNeeds: Number(row.validNeeds),
    personTimes: Number(row.personTimes),
    activeProjects: Number(row.activeProjects),
  };
}

export async function rawHeadline(db: Db): Promise<Headline> {
  const [m] = await db.execute<Record<string, string | null>>(sql`
    select
      (select coalesce(sum(l.amount_fen), 0) from journal_lines l join ledger_accounts a on a.id = l.account_id
         join journal_entries e on e.id = l.entry_id where e.kind = 'donation' and a.kind in ('general_fund','project_fund')) as raised,
      (select coalesce(balance_fen, 0) from ledger_accounts where code = 'refunds') as refunded,
      (select coalesce(balance_fen, 0) from ledger_accounts where code = 'processor_fees') as fees,
      (select coalesce(sum(balance_fen), 0) from ledger_accounts where kind = 'payments_out') as spent,
      (select coalesce(sum(balance_fen), 0) from ledger_accounts where kind = 'project_fund') as restricted,
      (select coalesce(sum(balance_fen), 0) from ledger_accounts where kind = 'general_fund') as general,
      (select count(distinct coalesce(donor_id::text, id::text)) from donations where status in ('paid','partially_refunded')) as donors,
      (select count(*) from needs) as received,
      (select count(*) from needs where status in ('valid','matched','in_service','fulfilled','closed')) as valid,
      (select count(*) from needs where status in ('fulfilled','closed')) as fulfilled,
      (select coalesce(sum(person_times), 0) from service_records) as person_times,
      (select count(*) from needs where rating is not null) as ratings,
      (select count(*) from needs where rating >= 4) as satisfied,
      (select count(*) from projects where status = 'active') as active`);
  const n = (k: string) => Number(m[k] ?? 0);
  return {
    raisedFen: n('raised'),
    refundedFen: n('refunded'),
    feesFen: n('fees'),
    spentFen: n('spent'),
    restrictedBalanceFen: n('restricted'),
    generalBalanceFen: n('general'),
    donors: n('donors'),
    needsReceived: n('received'),
    needsValid: n('valid'),
    needsFulfilled: n('fulfilled'),
    personTimes: n('person_times'),
    ratings: n('ratings'),
    satisfaction: n('ratings') ? n('satisfied') / n('ratings') : null,
    activeProjects: n('active'),
  };
}

export async function rawMonthly(db: Db): Promise<MonthRow[]> {
  const rows = await db.execute<{ month: string; raised: string; spent: string }>(sql`
    select to_char(e.posted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
      coalesce(sum(l.amount_fen) filter (where e.kind = 'donation' and a.kind in ('general_fund','project_fund')), 0) as raised,
      coalesce(sum(l.amount_fen) filter (where a.kind = 'payments_out'), 0) as spent
    from journal_entries e join journal_lines l on l.entry_id = e.id join ledger_accounts a on a.id = l.account_id
    group by 1 order by 1`);
  return rows.map((r) => ({ month: r.month, raisedFen: Number(r.raised), spentFen: Number(r.spent) }));
}

export async function rawByProject(db: Db): Promise<ProjectRow[]> {
  // One pass over the projects' fund lines, grouped by project and entry kind, instead of a scan per project.
  const [projectRows, flows, served] = await Promise.all([
    db.execute<Record<string, string>>(sql`
      select p.id, p.slug, p.name_zh, p.name_en,
        coalesce((select balance_fen from ledger_accounts where code = 'payments_out:' || p.id), 0) as spent,
        coalesce((select balance_fen from ledger_accounts where code = 'project_fund:' || p.id), 0) as balance
      from projects p where p.status <> 'draft' order by p.sort_order`),
    db.execute<{ project_id: string; kind: string; total: string }>(sql`
      select a.project_id, e.kind, sum(l.amount_fen) as total
      from journal_lines l join ledger_accounts a on a.id = l.account_id join journal_entries e on e.id = l.entry_id
      where a.kind = 'project_fund' and e.kind in ('donation','allocation')
      group by a.project_id, e.kind`),
    db.execute<{ project_id: string; person_times: string; needs: string }>(sql`
      select s.project_id, sum(s.person_times) as person_times,
        (select count(*) from needs n where n.project_id = s.project_id and n.status in ('in_service','fulfilled','closed')) as needs
      from service_records s group by s.project_id`),
  ]);
  const flow = (id: string, kind: string) => Number(flows.find((f) => f.project_id === id && f.kind === kind)?.total ?? 0);
  return projectRows.map((r) => {
    const people = served.find((x) => x.project_id === r.id);
    return {
      id: r.id,
      slug: r.slug,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      raisedFen: flow(r.id, 'donation'),
      allocatedFen: flow(r.id, 'allocation'),
      spentFen: Number(r.spent),
      balanceFen: Number(r.balance),
      personTimes: Number(people?.person_times ?? 0),
      needsServed: Number(people?.needs ?? 0),
    };
  });
}

export async function rawSpendingByCategory(db: Db) {
  const rows = await db.execute<{ category: string; spent: string }>(sql`
    select category, sum(amount_fen) as spent from disbursements where status = 'approved' group by category order by 2 desc`);
  return rows.map((r) => ({ category: r.category, spentFen: Number(r.spent) }));
}

export async function rawNeedsByArea(db: Db): Promise<AreaCell[]> {
  const rows = await db.execute<{ area_id: string; category: string; n: string }>(sql`
    select area_id, category::text, count(*) as n from needs group by 1, 2`);
  return rows.map((r) => ({ areaId: r.area_id, category: r.category, count: Number(r.n) < smallCellThreshold ? null : Number(r.n) }));
}

export async function rawProjectCards(db: Db): Promise<ProjectCard[]> {
  const raised = db
    .select({ projectId: donations.projectId, raisedFen: netRaised.as('raised_fen'), gifts: sql<number>`count(*)::int`.as('gifts') })
    .from(donations)
    .where(counted)
    .groupBy(donations.projectId)
    .as('raised');
  const served = db
    .select({ projectId: serviceRecords.projectId, personTimes: sql<number>`sum(${serviceRecords.personTimes})::int`.as('person_times') })
    .from(serviceRecords)
    .groupBy(serviceRecords.projectId)
    .as('served');
  const rows = await db
    .select({
      id: projects.id,
      slug: projects.slug,
      nameZh: projects.nameZh,
      nameEn: projects.nameEn,
      summaryZh: projects.summaryZh,
      summaryEn: projects.summaryEn,
      isDemo: projects.isDemo,
      status: projects.status,
      goalFen: projects.goalFen,
      raisedFen: sql<number>`coalesce(${raised.raisedFen}, 0)`,
      gifts: sql<number>`coalesce(${raised.gifts}, 0)`,
      personTimes: sql<number>`coalesce(${served.personTimes}, 0)`,
    })
    .from(projects)
    .leftJoin(raised, eq(raised.projectId, projects.id))
    .leftJoin(served, eq(served.projectId, projects.id))
    .where(sql`${projects.status} <> 'draft'`)
    .orderBy(asc(projects.sortOrder), asc(projects.nameZh));
  return rows.map((r) => ({ ...r, raisedFen: Number(r.raisedFen), gifts: Number(r.gifts), personTimes: Number(r.personTimes) }));
}

/** A project's money and reach, and its latest payments out, as getProjectDetail computed them from raw rows. */
export async function rawProjectFigures(db: Db, projectId: string) {
  const [[money], [reach], spending] = await Promise.all([
    db.execute<{ raised: string; gifts: string }>(sql`
      select coalesce(sum(amount_fen - refunded_fen), 0) as raised, count(*) as gifts
      from donations where project_id = ${projectId} and status in ('paid','partially_refunded')`),
    db
      .select({
        beneficiaries: sql<number>`count(distinct ${serviceRecords.needId})::int`,
        personTimes: sql<number>`coalesce(sum(${serviceRecords.personTimes}), 0)::int`,
      })
      .from(serviceRecords)
      .where(eq(serviceRecords.projectId, projectId)),
    db
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
      .orderBy(desc(journalEntries.postedAt), desc(journalEntries.id))
      .limit(5),
  ]);
  return {
    raisedFen: Number(money.raised),
    gifts: Number(money.gifts),
    beneficiaries: Number(reach?.beneficiaries ?? 0),
    personTimes: Number(reach?.personTimes ?? 0),
    spending,
  };
}
