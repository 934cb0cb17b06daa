import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';

export type SummaryMismatch = { summary: string; key: string; stored: string | null; recomputed: string | null };

/**
 * Each summary table, as stored and as recomputed from the raw rows: both sides give one row per key with
 * its figures as an array, and a key missing on one side counts as all zeros.
 */
const checks: { summary: string; width: number; stored: SQL; raw: SQL }[] = [
  {
    summary: 'fund_donation_totals',
    width: 3,
    stored: sql`select coalesce(project_id::text, 'general') as key, array[raised_fen, gifts, guest_gifts]::bigint[] as v from fund_donation_totals`,
    raw: sql`select coalesce(project_id::text, 'general') as key,
        array[sum(amount_fen - refunded_fen), count(*), count(*) filter (where donor_id is null)]::bigint[] as v
      from donations where status in ('paid','partially_refunded') group by project_id`,
  },
  {
    summary: 'donor_gift_counts',
    width: 1,
    stored: sql`select donor_id::text as key, array[gifts]::bigint[] as v from donor_gift_counts`,
    raw: sql`select donor_id::text as key, array[count(*)]::bigint[] as v
      from donations where status in ('paid','partially_refunded') and donor_id is not null group by donor_id`,
  },
  {
    summary: 'summary_counters',
    width: 1,
    stored: sql`select name as key, array[value]::bigint[] as v from summary_counters`,
    raw: sql`select 'registered_donors' as key, array[count(distinct donor_id)]::bigint[] as v
      from donations where status in ('paid','partially_refunded')`,
  },
  {
    summary: 'ledger_account_totals',
    width: 1,
    stored: sql`select account_id || ' ' || entry_kind as key, array[amount_fen]::bigint[] as v from ledger_account_totals`,
    raw: sql`select l.account_id || ' ' || e.kind as key, array[sum(l.amount_fen)]::bigint[] as v
      from journal_lines l join journal_entries e on e.id = l.entry_id group by l.account_id, e.kind`,
  },
  {
    summary: 'ledger_monthly_totals',
    width: 1,
    stored: sql`select month || ' ' || account_kind || ' ' || entry_kind as key, array[amount_fen]::bigint[] as v from ledger_monthly_totals`,
    raw: sql`select to_char(e.posted_at at time zone 'Asia/Shanghai', 'YYYY-MM') || ' ' || a.kind || ' ' || e.kind as key,
        array[sum(l.amount_fen)]::bigint[] as v
      from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.id = l.account_id
      group by 1`,
  },
  {
    summary: 'disbursement_category_totals',
    width: 2,
    stored: sql`select category::text as key, array[payments, spent_fen]::bigint[] as v from disbursement_category_totals`,
    raw: sql`select category::text as key, array[count(*), sum(amount_fen)]::bigint[] as v
      from disbursements where status = 'approved' group by category`,
  },
  {
    summary: 'need_totals',
    width: 3,
    stored: sql`select area_id || ' ' || category || ' ' || status as key, array[needs, rated, satisfied]::bigint[] as v from need_totals`,
    raw: sql`select area_id || ' ' || category || ' ' || status as key,
        array[count(*), count(rating), count(*) filter (where rating >= 4)]::bigint[] as v
      from needs group by area_id, category, status`,
  },
  {
    summary: 'project_case_totals',
    width: 4,
    stored: sql`select project_id::text as key, array[served_needs, person_times, beneficiaries, service_records]::bigint[] as v
      from project_case_totals`,
    raw: sql`select coalesce(n.project_id, s.project_id)::text as key,
        array[coalesce(n.served, 0), coalesce(s.person_times, 0), coalesce(s.beneficiaries, 0), coalesce(s.records, 0)]::bigint[] as v
      from (select project_id, count(*) as served from needs
            where project_id is not null and status in ('in_service','fulfilled','closed') group by project_id) n
      full join (select project_id, sum(person_times) as person_times, count(distinct need_id) as beneficiaries, count(*) as records
                 from service_records group by project_id) s on s.project_id = n.project_id`,
  },
  {
    summary: 'need_service_counts',
    width: 1,
    stored: sql`select need_id || ' ' || project_id as key, array[records]::bigint[] as v from need_service_counts`,
    raw: sql`select need_id || ' ' || project_id as key, array[count(*)]::bigint[] as v from service_records group by need_id, project_id`,
  },
];

/**
 * Recomputes every summary table from the raw rows and lists each row that differs. It reads one snapshot
 * (repeatable read), so it is exact on a live database: the triggers write the summaries in the same
 * transaction as the rows they summarise.
 */
export async function verifySummaries(db: Db): Promise<SummaryMismatch[]> {
  return db.transaction(
    async (tx) => {
      const found: SummaryMismatch[] = [];
      for (const c of checks) {
        const zero = sql.raw(`array_fill(0::bigint, array[${c.width}])`);
        const rows = await tx.execute<{ key: string; stored: string | null; recomputed: string | null }>(sql`
          with s as (${c.stored}), r as (${c.raw})
          select key, s.v::text as stored, r.v::text as recomputed
          from s full join r using (key)
          where coalesce(s.v, ${zero}) <> coalesce(r.v, ${zero})
          order by key`);
        found.push(...rows.map((r) => ({ summary: c.summary, key: r.key, stored: r.stored, recomputed: r.recomputed })));
      }
      return found;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
