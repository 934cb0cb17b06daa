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

/**
 * The report's headline, from the summary tables kept with the ledger (money) and the case records (people),
 * never from raw personal data: each figure reads a few hundred summary rows at most.
 */
export async function getHeadline(db: Db): Promise<Headline> {
  const [m] = await db.execute<Record<string, string | null>>(sql`
    with money as (
      select
        coalesce(sum(amount_fen) filter (where entry_kind = 'donation' and account_kind in ('general_fund','project_fund')), 0) as raised,
        coalesce(sum(amount_fen) filter (where account_kind = 'refunds'), 0) as refunded,
        coalesce(sum(amount_fen) filter (where account_kind = 'processor_fees'), 0) as fees,
        coalesce(sum(amount_fen) filter (where account_kind = 'payments_out'), 0) as spent,
        coalesce(sum(amount_fen) filter (where account_kind = 'project_fund'), 0) as restricted,
        coalesce(sum(amount_fen) filter (where account_kind = 'general_fund'), 0) as general
      from ledger_monthly_totals
    ), cases as (
      select
        coalesce(sum(needs), 0) as received,
        coalesce(sum(needs) filter (where status in ('valid','matched','in_service','fulfilled','closed')), 0) as valid,
        coalesce(sum(needs) filter (where status in ('fulfilled','closed')), 0) as fulfilled,
        coalesce(sum(rated), 0) as ratings,
        coalesce(sum(satisfied), 0) as satisfied
      from need_totals
    )
    select money.*, cases.*,
      -- Distinct donors: each registered donor once, each gift without an account as its own donor.
      coalesce((select value from summary_counters where name = 'registered_donors'), 0)
        + (select coalesce(sum(guest_gifts), 0) from fund_donation_totals) as donors,
      (select coalesce(sum(person_times), 0) from project_case_totals) as person_times,
      (select count(*) from projects where status = 'active') as active
    from money, cases`);
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

/**
 * Money in and out per calendar month (Asia/Shanghai), from the monthly ledger totals. A reversed payment out
 * counts against the month it was reversed in, so the months add up to the headline's spent.
 */
export async function getMonthly(db: Db): Promise<MonthRow[]> {
  const rows = await db.execute<{ month: string; raised: string; spent: string }>(sql`
    select month,
      coalesce(sum(amount_fen) filter (where entry_kind = 'donation' and account_kind in ('general_fund','project_fund')), 0) as raised,
      coalesce(sum(amount_fen) filter (where account_kind = 'payments_out'), 0) as spent
    from ledger_monthly_totals
    group by month order by month`);
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

// Each project's two accounts (their balances, kept with every posting: what its fund holds, what it paid out), its
// fund's totals by entry kind (given, allocated) and its case totals — one row each, nothing to add up.
const projectFigures = sql`
  select p.id, p.slug, p.name_zh, p.name_en, p.sort_order,
    coalesce(paid.balance_fen, 0) as spent, coalesce(fund.balance_fen, 0) as balance,
    coalesce(given.amount_fen, 0) as raised, coalesce(allocated.amount_fen, 0) as allocated,
    coalesce(c.person_times, 0) as person_times,
    -- As before: a project shows needs served once it has recorded a service.
    case when c.service_records > 0 then c.served_needs else 0 end as needs
  from projects p
    left join ledger_accounts fund on fund.project_id = p.id and fund.kind = 'project_fund'
    left join ledger_accounts paid on paid.project_id = p.id and paid.kind = 'payments_out'
    left join ledger_account_totals given on given.account_id = fund.id and given.entry_kind = 'donation'
    left join ledger_account_totals allocated on allocated.account_id = fund.id and allocated.entry_kind = 'allocation'
    left join project_case_totals c on c.project_id = p.id
  where p.status <> 'draft'`;

/** Every published project's figures, in the programme's order (the open data). */
export async function getByProject(db: Db): Promise<ProjectRow[]> {
  const rows = await db.execute<Record<string, string>>(sql`${projectFigures} order by p.sort_order, p.id`);
  return rows.map(projectRow);
}

/**
 * The `limit` projects that moved the most money (raised, allocated and spent), busiest first — or, when there are
 * no more than that, all of them in the programme's order — and how many projects there are. The ranking reads only
 * the accounts' totals (and the few draft projects, by their index), projects that moved nothing follow in the
 * programme's order, and the figures are then read for the projects shown.
 */
export async function getBusiestProjects(db: Db, limit: number): Promise<{ shown: ProjectRow[]; total: number }> {
  const [moving, [{ total }]] = await Promise.all([
    db.execute<{ id: string }>(sql`
      select a.project_id as id
      from (
        select account_id, amount_fen as fen from ledger_account_totals where entry_kind in ('donation', 'allocation')
        union all
        select id, balance_fen from ledger_accounts where kind = 'payments_out'
      ) x
      join ledger_accounts a on a.id = x.account_id
      where a.project_id is not null and not exists (select from projects d where d.id = a.project_id and d.status = 'draft')
      group by a.project_id
      having sum(x.fen) > 0
      order by sum(x.fen) desc, a.project_id
      limit ${limit}`),
    db.execute<{ total: number }>(sql`select count(*)::int as total from projects where status <> 'draft'`),
  ]);
  const ids = moving.map((r) => r.id);
  if (ids.length < Math.min(limit, total)) {
    const still = await db.execute<{ id: string }>(sql`
      select id from projects where status <> 'draft' ${ids.length ? sql`and id not in (${list(ids)})` : sql``}
      order by sort_order, id limit ${limit - ids.length}`);
    ids.push(...still.map((r) => r.id));
  }
  const rows = ids.length ? await db.execute<Record<string, string>>(sql`${projectFigures} and p.id in (${list(ids)})`) : [];
  const order = total <= limit ? (r: Record<string, string>) => Number(r.sort_order) : (r: Record<string, string>) => ids.indexOf(r.id);
  rows.sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : 1));
  return { shown: rows.map(projectRow), total: Number(total) };
}

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

function projectRow(r: Record<string, string>): ProjectRow {
  return {
    id: r.id,
    slug: r.slug,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    raisedFen: Number(r.raised),
    allocatedFen: Number(r.allocated),
    spentFen: Number(r.spent),
    balanceFen: Number(r.balance),
    personTimes: Number(r.person_times),
    needsServed: Number(r.needs ?? 0),
  };
}

export async function getSpendingByCategory(db: Db) {
  const rows = await db.execute<{ category: string; spent: string }>(sql`
    select category, spent_fen as spent from disbursement_category_totals where payments > 0 order by 2 desc`);
  return rows.map((r) => ({ category: r.category, spentFen: Number(r.spent) }));
}

export type AreaCell = { areaId: string; category: string; count: number | null };

/** Needs by sub-district and category; cells under the threshold come back as null ("< 5"). */
export async function getNeedsByArea(db: Db): Promise<AreaCell[]> {
  const rows = await db.execute<{ area_id: string; category: string; n: string }>(sql`
    select area_id, category::text, sum(needs) as n from need_totals group by 1, 2 having sum(needs) > 0`);
  return rows.map((r) => ({ areaId: r.area_id, category: r.category, count: Number(r.n) < smallCellThreshold ? null : Number(r.n) }));
}

export type PublicPayment = {
  id: string;
  date: Date;
  amountFen: number;
  purpose: string;
  category: string;
  projectId: string;
  projectNameZh: string;
  projectNameEn: string;
  areaId: string | null;
  /** Set when the payment was corrected by a reversing entry. */
  reversalNote: string | null;
};

/**
 * Every approved payment out (and any later correction), as published: no payee, no beneficiary, only the
 * sub-district. Newest first, read straight off disbursements_public_idx.
 */
export async function listPublicPayments(db: Db, limit = 1000): Promise<PublicPayment[]> {
  const rows = await db.execute<Record<string, string | null>>(sql`
    select d.id, d.decided_at, d.amount_fen, d.purpose, d.category, d.project_id, p.name_zh, p.name_en, n.area_id, d.reversal_note
    from disbursements d join projects p on p.id = d.project_id left join needs n on n.id = d.need_id
    where d.status in ('approved','reversed') order by d.decided_at desc limit ${limit}`);
  return rows.map((r) => ({
    id: r.id!,
    date: new Date(r.decided_at!),
    amountFen: Number(r.amount_fen),
    purpose: r.purpose!,
    category: r.category!,
    projectId: r.project_id!,
    projectNameZh: r.name_zh!,
    projectNameEn: r.name_en!,
    areaId: r.area_id,
    reversalNote: r.reversal_note,
  }));
}
