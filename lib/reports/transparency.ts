import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** Below this, a count in a sub-district × category cell could point at a family: it is shown as "< 5". */
export const smallCellThreshold = 5;

export type Headline = {
  raisedFen: number;
  refundedFen: number;
  feesFen: number;
  spentFen: number;
  restrictedBalanceFen: number;
  generalBalanceFen: number;
  donors: number;
  needsReceived: number;
  needsValid: number;
  needsFulfilled: number;
  personTimes: number;
  satisfaction: number | null;
  ratings: number;
  activeProjects: number;
};

/** The report's headline, from the ledger (money) and the case records (people) — never from raw personal data. */
export async function getHeadline(db: Db): Promise<Headline> {
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

export type MonthRow = { month: string; raisedFen: number; spentFen: number };

/** Money in and out per calendar month (Asia/Shanghai). */
export async function getMonthly(db: Db): Promise<MonthRow[]> {
  const rows = await db.execute<{ month: string; raised: string; spent: string }>(sql`
    select to_char(e.posted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
      coalesce(sum(l.amount_fen) filter (where e.kind = 'donation' and a.kind in ('general_fund','project_fund')), 0) as raised,
      coalesce(sum(l.amount_fen) filter (where e.kind = 'disbursement' and a.kind = 'payments_out'), 0) as spent
    from journal_entries e join journal_lines l on l.entry_id = e.id join ledger_accounts a on a.id = l.account_id
    group by 1 order by 1`);
  return rows.map((r) => ({ month: r.month, raisedFen: Number(r.raised), spentFen: Number(r.spent) }));
}

export type ProjectRow = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  raisedFen: number;
  allocatedFen: number;
  spentFen: number;
  balanceFen: number;
  personTimes: number;
  needsServed: number;
};

export async function getByProject(db: Db): Promise<ProjectRow[]> {
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

export async function getSpendingByCategory(db: Db) {
  const rows = await db.execute<{ category: string; spent: string }>(sql`
    select category, sum(amount_fen) as spent from disbursements where status = 'approved' group by category order by 2 desc`);
  return rows.map((r) => ({ category: r.category, spentFen: Number(r.spent) }));
}

export type AreaCell = { areaId: string; category: string; count: number | null };

/** Needs by sub-district and category; cells under the threshold come back as null ("< 5"). */
export async function getNeedsByArea(db: Db): Promise<AreaCell[]> {
  const rows = await db.execute<{ area_id: string; category: string; n: string }>(sql`
    select area_id, category::text, count(*) as n from needs group by 1, 2`);
  return rows.map((r) => ({ areaId: r.area_id, category: r.category, count: Number(r.n) < smallCellThreshold ? null : Number(r.n) }));
}

export type PublicPayment = {
  id: string;
  date: Date;
  amountFen: number;
  purpose: string;
  category: string;
  projectId: string;
  areaId: string | null;
  /** Set when the payment was corrected by a reversing entry. */
  reversalNote: string | null;
};

/** Every approved payment out (and any later correction), as published: no payee, no beneficiary, only the sub-district. */
export async function listPublicPayments(db: Db, limit = 1000): Promise<PublicPayment[]> {
  const rows = await db.execute<Record<string, string | null>>(sql`
    select d.id, d.decided_at, d.amount_fen, d.purpose, d.category, d.project_id, n.area_id, d.reversal_note
    from disbursements d left join needs n on n.id = d.need_id
    where d.status in ('approved','reversed') order by d.decided_at desc limit ${limit}`);
  return rows.map((r) => ({
    id: r.id!,
    date: new Date(r.decided_at!),
    amountFen: Number(r.amount_fen),
    purpose: r.purpose!,
    category: r.category!,
    projectId: r.project_id!,
    areaId: r.area_id,
    reversalNote: r.reversal_note,
  }));
}
