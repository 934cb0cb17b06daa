import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { donations, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { failedRefundsOf } from './refund';

export const donationStatuses = ['pending', 'paid', 'partially_refunded', 'refunded', 'failed', 'expired'] as const;
/** A real calendar day (2026-02-30 is not one: PostgreSQL would refuse it mid-query). */
const day = z.iso.date();
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The admin list's filters, as they come from the query string. Anything malformed is dropped, not fatal. */
export const donationFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(donationStatuses).optional()).catch(undefined),
  project: z.preprocess(blankToUndefined, z.string().max(100).optional()).catch(undefined),
  provider: z.preprocess(blankToUndefined, z.enum(['stripe', 'demo']).optional()).catch(undefined),
  from: z.preprocess(blankToUndefined, day.optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, day.optional()).catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type DonationFilters = z.infer<typeof donationFiltersSchema>;

export const pageSize = 50;

function conditions(f: DonationFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [
    f.status ? eq(donations.status, f.status) : undefined,
    f.project === 'general' ? isNull(donations.projectId) : f.project ? eq(projects.slug, f.project) : undefined,
    f.provider ? eq(donations.provider, f.provider) : undefined,
    // Days are Beijing days, whatever the server's clock says.
    f.from ? sql`${donations.createdAt} >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'` : undefined,
    f.to ? sql`${donations.createdAt} < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')` : undefined,
    f.q ? sql`${donations.certificateNo} ilike ${`%${f.q.replace(/[%_\\]/g, '')}%`}` : undefined,
  ];
  return and(...where);
}

const columns = {
  id: donations.id,
  projectId: donations.projectId,
  createdAt: donations.createdAt,
  paidAt: donations.paidAt,
  certificateNo: donations.certificateNo,
  projectSlug: projects.slug,
  projectNameZh: projects.nameZh,
  projectNameEn: projects.nameEn,
  amountFen: donations.amountFen,
  refundedFen: donations.refundedFen,
  feeFen: donations.feeFen,
  /** The processor's fee is still to be learnt (lib/donations/fee.ts): until then the fee and net are unknown. */
  feePending: sql<boolean>`exists (select from fees_due f where f.donation_id = ${donations.id})`,
  status: donations.status,
  provider: donations.provider,
  providerPaymentId: donations.providerPaymentId,
  displayName: donations.displayName,
  anonymous: donations.anonymous,
  hasAccount: sql<boolean>`${donations.donorId} is not null`,
  monthly: sql<boolean>`${donations.planId} is not null`,
  receiptRequested: donations.receiptRequested,
  receiptNumber: donations.receiptNumber,
};

export type AdminDonationRow = Awaited<ReturnType<typeof selectRows>>[number];

/** Counted exactly up to this many (reading more cost over 5 ms at scale 100); past it the list says "more than" and leaves the total to narrower filters. */
export const countCap = 1_000;

function selectRows(db: Db, f: DonationFilters, limit: number, offset: number, afterId?: string) {
  return db
    .select(columns)
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    // After a given donation in this order, compared with its time as stored (microseconds, finer than a JS Date).
    .where(and(conditions(f), afterId ? sql`(${donations.createdAt}, ${donations.id}) < (select d.created_at, d.id from donations d where d.id = ${afterId})` : undefined))
    .orderBy(desc(donations.createdAt), desc(donations.id))
    .limit(limit)
    .offset(offset);
}

/**
 * Donations matching the filters, newest first, a page at a time, with how many there are and what they
 * brought in net — counted up to `countCap` (beyond it, `more`, and no total: a narrower filter, a range of
 * dates, gives one). Administrators only.
 */
export async function listDonationsForAdmin(db: Db, actor: Actor, f: DonationFilters) {
  await authorize(db, actor, 'donation:read_all');
  const matching = db
    .select({ status: donations.status, amountFen: donations.amountFen, refundedFen: donations.refundedFen })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(conditions(f))
    .limit(countCap + 1)
    .as('matching');
  const [rows, [totals]] = await Promise.all([
    selectRows(db, f, pageSize, (f.page - 1) * pageSize),
    db
      .select({
        count: sql<number>`count(*)::int`,
        netFen: sql<number>`coalesce(sum(case when ${matching.status} in ('paid','partially_refunded') then ${matching.amountFen} - ${matching.refundedFen} else 0 end), 0)::bigint`,
      })
      .from(matching),
  ]);
  const failed = await failedRefundsOf(db, rows.map((r) => r.id));
  const more = Number(totals.count) > countCap;
  const count = Math.min(Number(totals.count), countCap);
  const pages = Math.max(1, Math.ceil(count / pageSize), more && rows.length === pageSize ? f.page + 1 : f.page);
  return { rows: rows.map((r) => ({ ...r, failedRefundFen: failed.get(r.id) ?? 0 })), count, more, netFen: more ? null : Number(totals.netFen), page: f.page, pages };
}

/**
 * Every donation matching the filters, newest first, a page at a time (keyset on the time and id, so a page
 * deep in a million donations costs what the first does), for the CSV export. Authorised before the first page.
 */
export async function donationsForExport(db: Db, actor: Actor, f: DonationFilters, exportPageSize = 5000): Promise<AsyncGenerator<AdminDonationRow[]>> {
  await authorize(db, actor, 'donation:read_all');
  return (async function* () {
    let afterId: string | undefined;
    for (;;) {
      const rows = await selectRows(db, f, exportPageSize, 0, afterId);
      if (rows.length === 0) return;
      yield rows;
      afterId = rows[rows.length - 1].id;
    }
  })();
}
