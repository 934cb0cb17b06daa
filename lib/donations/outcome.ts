import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects, recurringPlans } from '@/db/schema';
import { certificateOfDonation, type CertificateView } from './certificates';

export type Outcome = {
  state: 'confirming' | 'paid' | 'failed' | 'expired' | 'cancelled';
  amountFen: number;
  projectNameZh: string | null;
  projectNameEn: string | null;
  projectSlug: string | null;
  monthly: boolean;
  certificate: CertificateView | null;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const projectCols = { projectNameZh: projects.nameZh, projectNameEn: projects.nameEn, projectSlug: projects.slug };

/** What the thank-you page says about a gift: still confirming until the processor's event has credited it. */
export async function donationOutcome(db: Db, donationId: string): Promise<Outcome | null> {
  if (!uuid.test(donationId)) return null;
  const [d] = await db
    .select({ id: donations.id, status: donations.status, amountFen: donations.amountFen, planId: donations.planId, ...projectCols })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(eq(donations.id, donationId));
  if (!d) return null;
  const state = d.status === 'pending' ? 'confirming' : d.status === 'failed' ? 'failed' : d.status === 'expired' ? 'expired' : 'paid';
  const certificate = state === 'paid' ? await certificateOfDonation(db, d.id) : null;
  return { ...d, state, monthly: d.planId !== null, certificate };
}

/** For a monthly plan: confirming until its first invoice is paid and credited. */
export async function planOutcome(db: Db, planId: string): Promise<Outcome | null> {
  if (!uuid.test(planId)) return null;
  const [p] = await db
    .select({ id: recurringPlans.id, status: recurringPlans.status, amountFen: recurringPlans.amountFen, ...projectCols })
    .from(recurringPlans)
    .leftJoin(projects, eq(projects.id, recurringPlans.projectId))
    .where(eq(recurringPlans.id, planId));
  if (!p) return null;
  const [first] = await db
    .select({ id: donations.id })
    .from(donations)
    .where(and(eq(donations.planId, p.id), sql`${donations.status} in ('paid','partially_refunded','refunded')`))
    .orderBy(asc(donations.paidAt))
    .limit(1);
  const certificate = first ? await certificateOfDonation(db, first.id) : null;
  const state = certificate ? 'paid' : p.status === 'cancelled' ? 'cancelled' : 'confirming';
  return { ...p, state, monthly: true, certificate };
}
