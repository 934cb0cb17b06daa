import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects, recurringPlans } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { certificateOfDonation, type CertificateView } from './certificates';
import { thanksTokenMatches } from './thanks-link';

export type Outcome = {
  state: 'confirming' | 'paid' | 'failed' | 'expired' | 'cancelled';
  amountFen: number;
  projectNameZh: string | null;
  projectNameEn: string | null;
  projectSlug: string | null;
  monthly: boolean;
  /** Only for the donor: the return address's token, or signed in as the gift's owner. */
  certificate: CertificateView | null;
};

/** Who is looking: the `t` of the return address, and the signed-in user if any. */
export type Viewer = { token?: string | null; actor?: Actor };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const projectCols = { projectNameZh: projects.nameZh, projectNameEn: projects.nameEn, projectSlug: projects.slug };

// Ids are public (open-data journal); the status alone says nothing about who gave.
function mayView(id: string, donorId: string | null, viewer: Viewer): boolean {
  return thanksTokenMatches(id, viewer.token) || (!!donorId && viewer.actor?.userId === donorId);
}

/** What the thank-you page says about a gift: still confirming until the processor's event has credited it. */
export async function donationOutcome(db: Db, donationId: string, viewer: Viewer = {}): Promise<Outcome | null> {
  if (!uuid.test(donationId)) return null;
  const [d] = await db
    .select({ id: donations.id, status: donations.status, amountFen: donations.amountFen, planId: donations.planId, donorId: donations.donorId, ...projectCols })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(eq(donations.id, donationId));
  if (!d) return null;
  const state = d.status === 'pending' ? 'confirming' : d.status === 'failed' ? 'failed' : d.status === 'expired' ? 'expired' : 'paid';
  const certificate = state === 'paid' && mayView(d.id, d.donorId, viewer) ? await certificateOfDonation(db, d.id) : null;
  return { amountFen: d.amountFen, projectNameZh: d.projectNameZh, projectNameEn: d.projectNameEn, projectSlug: d.projectSlug, state, monthly: d.planId !== null, certificate };
}

/** For a monthly plan: confirming until its first invoice is paid and credited. */
export async function planOutcome(db: Db, planId: string, viewer: Viewer = {}): Promise<Outcome | null> {
  if (!uuid.test(planId)) return null;
  const [p] = await db
    .select({ id: recurringPlans.id, status: recurringPlans.status, amountFen: recurringPlans.amountFen, donorId: recurringPlans.donorId, ...projectCols })
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
  const state = first ? 'paid' : p.status === 'cancelled' ? 'cancelled' : 'confirming';
  const certificate = first && mayView(p.id, p.donorId, viewer) ? await certificateOfDonation(db, first.id) : null;
  return { amountFen: p.amountFen, projectNameZh: p.projectNameZh, projectNameEn: p.projectNameEn, projectSlug: p.projectSlug, state, monthly: true, certificate };
}
