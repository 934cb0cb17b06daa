import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects, recurringPlans } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { demoPaymentsAllowed } from '@/lib/payments/demo/provider';
import { applyPaymentEvent } from './apply-event';
import { thanksPath } from './thanks-link';

export type DemoCheckout = {
  kind: 'one_off' | 'monthly';
  id: string;
  amountFen: number;
  open: boolean;
  projectSlug: string | null;
  projectNameZh: string | null;
  projectNameEn: string | null;
};

function refuseOutsideDemo() {
  if (!demoPaymentsAllowed()) throw new AppError('forbidden', 'the demo processor is off');
}

/** The demo processor's stand-in for a checkout page: which gift this session is for, and whether it is still open. */
export async function findDemoCheckout(db: Db, sessionId: string): Promise<DemoCheckout | null> {
  refuseOutsideDemo();
  if (!sessionId.startsWith('demo_cs_')) return null;
  const projectCols = { projectSlug: projects.slug, projectNameZh: projects.nameZh, projectNameEn: projects.nameEn };
  const [d] = await db
    .select({ id: donations.id, amountFen: donations.amountFen, status: donations.status, ...projectCols })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(eq(donations.providerSessionId, sessionId));
  if (d) return { kind: 'one_off', ...d, open: d.status === 'pending' };
  const [p] = await db
    .select({ id: recurringPlans.id, amountFen: recurringPlans.amountFen, status: recurringPlans.status, ...projectCols })
    .from(recurringPlans)
    .leftJoin(projects, eq(projects.id, recurringPlans.projectId))
    .where(eq(recurringPlans.providerSessionId, sessionId));
  return p ? { kind: 'monthly', ...p, open: p.status === 'pending' } : null;
}

/**
 * "Pay" in demo mode: the same events Stripe's webhook would bring, through the same door and the same
 * fulfilment. Confirming twice is harmless (the event ids repeat and are ignored).
 */
export async function completeDemoCheckout(db: Db, sessionId: string): Promise<string> {
  const checkout = await findDemoCheckout(db, sessionId);
  if (!checkout) throw new AppError('not_found', 'no such demo checkout');
  const now = new Date();
  if (checkout.kind === 'one_off') {
    await applyPaymentEvent(db, 'demo', `demo:${sessionId}:paid`, 'checkout.paid', {
      kind: 'checkout_paid',
      donationId: checkout.id,
      providerPaymentId: `demo_pi_${checkout.id}`,
      amountFen: checkout.amountFen,
      paidAt: now,
    });
    return thanksPath('donation', checkout.id);
  }
  const subscriptionId = `demo_sub_${checkout.id}`;
  await applyPaymentEvent(db, 'demo', `demo:${sessionId}:started`, 'subscription.started', {
    kind: 'plan_started',
    planId: checkout.id,
    subscriptionId,
  });
  await applyPaymentEvent(db, 'demo', `demo:${sessionId}:invoice1`, 'invoice.paid', {
    kind: 'plan_invoice_paid',
    planId: checkout.id,
    subscriptionId,
    invoiceId: `demo_in_${checkout.id}_1`,
    amountFen: checkout.amountFen,
    providerPaymentId: `demo_pi_in_${checkout.id}_1`,
    paidAt: now,
  });
  return thanksPath('plan', checkout.id);
}

/** "Cancel" in demo mode: the checkout ends unpaid, as an expired Stripe session would. */
export async function cancelDemoCheckout(db: Db, sessionId: string): Promise<string> {
  const checkout = await findDemoCheckout(db, sessionId);
  if (!checkout) throw new AppError('not_found', 'no such demo checkout');
  await applyPaymentEvent(
    db,
    'demo',
    `demo:${sessionId}:cancelled`,
    'checkout.cancelled',
    checkout.kind === 'one_off' ? { kind: 'checkout_expired', donationId: checkout.id, sessionId } : { kind: 'plan_checkout_expired', planId: checkout.id, sessionId },
  );
  return `/donate?${checkout.projectSlug ? `project=${checkout.projectSlug}&` : ''}cancelled=1`;
}
