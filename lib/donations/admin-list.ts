import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { donations, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';

export const donationStatuses = ['pending', 'paid', 'partially_refunded', 'refunded', 'failed', 'expired'] as const;
const day = /^\d{4}-\d{2}-\d{2}$/;
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The admin list's filters, as they come from the query string. Anything malformed is dropped, not fatal. */
export const donationFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(donationStatuses).optional()).catch(undefined),
  project: z.preprocess(blankToUndefined, z.string().max(100).optional()).catch(undefined),
  provider: z.preprocess(blankToUndefined, z.enum(['stripe', 'demo']).optional()).catch(undefined),
  from: z.preprocess(blankToUndefined, z.string().regex(day).optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, z.string().regex(day).optional()).catch(undefined),
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

function selectRows(db: Db, f: DonationFilters, limit: number, offset: number) {
  return db
    .select(columns)
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(conditions(f))
    .orderBy(desc(donations.createdAt), desc(donations.id))
    .limit(limit)
    .offset(offset);
}

/** Every donation, filtered, a page at a time, with the filtered totals. Administrators only. */
export async function listDonationsForAdmin(db: Db, actor: Actor, f: DonationFilters) {
  await authorize(db, actor, 'donation:read_all');
  const [rows, [totals]] = await Promise.all([
    selectRows(db, f, pageSize, (f.page - 1) * pageSize),
    db
      .select({
        count: sql<number>`count(*)::int`,
        netFen: sql<number>`coalesce(sum(case when ${donations.status} in ('paid','partially_refunded') then ${donations.amountFen} - ${donations.refundedFen} else 0 end), 0)::bigint`,
      })
      .from(donations)
      .leftJoin(projects, eq(projects.id, donations.projectId))
      .where(conditions(f)),
  ]);
  return { rows, count: Number(totals.count), netFen: Number(totals.netFen), page: f.page, pages: Math.max(1, Math.ceil(Number(totals.count) / pageSize)) };
}

/** All rows matching the filters, for the CSV export (which decides which columns leave the building). */
export async function allDonationsForExport(db: Db, actor: Actor, f: DonationFilters) {
  await authorize(db, actor, 'donation:read_all');
  return selectRows(db, f, 100_000, 0);
}
