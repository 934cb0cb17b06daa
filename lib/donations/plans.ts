import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects, recurringPlans } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { assertId } from '@/lib/ids';
import { AppError } from '@/lib/errors';
import { providerNamed } from '@/lib/payments';
import { applyPaymentEvent } from './apply-event';

/** A signed-in donor's monthly plans (月捐) with what each has given so far. */
export async function listOwnPlans(db: Db, actor: Actor) {
  const user = await authorize(db, actor, 'own_giving:read');
  const given = db
    .select({
      planId: donations.planId,
      months: sql<number>`count(*)::int`.as('months'),
      givenFen: sql<number>`coalesce(sum(${donations.amountFen} - ${donations.refundedFen}), 0)::bigint`.as('given_fen'),
    })
    .from(donations)
    .where(sql`${donations.status} in ('paid','partially_refunded')`)
    .groupBy(donations.planId)
    .as('given');
  const rows = await db
    .select({
      id: recurringPlans.id,
      amountFen: recurringPlans.amountFen,
      status: recurringPlans.status,
      createdAt: recurringPlans.createdAt,
      cancelledAt: recurringPlans.cancelledAt,
      projectNameZh: projects.nameZh,
      projectNameEn: projects.nameEn,
      months: sql<number>`coalesce(${given.months}, 0)`,
      givenFen: sql<number>`coalesce(${given.givenFen}, 0)`,
    })
    .from(recurringPlans)
    .leftJoin(projects, eq(projects.id, recurringPlans.projectId))
    .leftJoin(given, eq(given.planId, recurringPlans.id))
    .where(and(eq(recurringPlans.donorId, user.id), sql`(${recurringPlans.status} <> 'pending' or ${recurringPlans.createdAt} > now() - interval '1 day')`))
    .orderBy(desc(recurringPlans.createdAt));
  return rows.map((r) => ({ ...r, months: Number(r.months), givenFen: Number(r.givenFen) }));
}

/**
 * The donor stops their own monthly gift. The processor is told first; the plan is marked cancelled here at
 * once (and the processor's own "subscription deleted" event later finds it already so).
 */
export async function cancelOwnPlan(db: Db, actor: Actor, planId: string): Promise<void> {
  const user = await authorize(db, actor, 'own_giving:read');
  assertId(planId);
  const [plan] = await db.select().from(recurringPlans).where(eq(recurringPlans.id, planId));
  if (!plan || plan.donorId !== user.id) throw new AppError('not_found', 'no such plan');
  if (plan.status === 'cancelled') return;
  if (plan.status === 'active' && plan.providerSubscriptionId) {
    const settled = await providerNamed(plan.provider).cancelSubscription(plan.providerSubscriptionId, `cancel:${plan.id}`);
    if (settled) await applyPaymentEvent(db, plan.provider, settled.eventId, settled.type, settled.event);
  }
  await db
    .update(recurringPlans)
    .set({ status: 'cancelled', cancelledAt: new Date() })
    .where(and(eq(recurringPlans.id, plan.id), sql`${recurringPlans.status} <> 'cancelled'`));
}
