import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects, recurringPlans } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { encryptJson, keyIdOf } from '@/lib/privacy/crypto';
import type { PaymentProvider } from '@/lib/payments/provider';
import type { DonationInput } from './input';
import { thanksPath } from './thanks-link';

export type StartDeps = { provider: PaymentProvider; baseUrl: string };

/** The processor could not be reached: the donation stays pending (the same form retried reuses it). */
async function checkout(provider: PaymentProvider, request: Parameters<PaymentProvider['createCheckout']>[0]) {
  try {
    return await provider.createCheckout(request);
  } catch (e) {
    console.error(`checkout for ${request.referenceId} failed: ${e instanceof Error ? e.message : e}`);
    throw new AppError('conflict', 'payment processor unavailable', { _form: 'payments_unavailable' });
  }
}
export type Started = { redirectUrl: string; donationId?: string; planId?: string };

/**
 * Turns a checked donation form into a pending donation (or monthly plan) and a processor checkout. Nothing is
 * written until the project is known to take gifts; the same form submitted again reuses its donation, and the
 * processor's idempotency key (one per donation) returns the same checkout rather than making a second one.
 */
export async function startDonation(db: Db, actor: Actor, input: DonationInput, deps: StartDeps): Promise<Started> {
  const donor = actor ? await authorize(db, actor, 'own_giving:read') : null;
  const project = input.projectSlug ? await findOpenProject(db, input.projectSlug) : null;
  if (input.frequency === 'monthly' && !donor) {
    throw new AppError('invalid_input', 'monthly giving needs an account', { frequency: 'monthly_needs_account' });
  }
  const contactCiphertext = input.contact ? encryptJson({ contact: input.contact }) : null;
  const receiptCiphertext = input.receipt ? encryptJson(input.receipt) : null;
  const sealed = {
    projectId: project?.id ?? null,
    amountFen: input.amountFen,
    donorId: donor?.id ?? null,
    // Only what the donor submitted: a cleared name field means no name, not the account's (the form pre-fills it).
    displayName: input.displayName,
    anonymous: input.anonymous,
    message: input.message,
    contactCiphertext,
    receiptRequested: input.receipt !== null,
    receiptCiphertext,
    piiKeyId: contactCiphertext ? keyIdOf(contactCiphertext) : receiptCiphertext ? keyIdOf(receiptCiphertext) : null,
    provider: deps.provider.name,
  };
  const intentKey = createHash('sha256')
    .update([input.intent, input.frequency, sealed.projectId ?? 'general', input.amountFen, sealed.donorId ?? 'guest'].join('|'))
    .digest('base64url');
  const description = `${input.frequency === 'monthly' ? '月捐' : '捐赠'} · ${project?.nameZh ?? '“爱在江北”专项基金（非定向）'}`;
  // Back from the processor without paying: the form, which restores what the donor typed (kept in their browser).
  const backTo = `${deps.baseUrl}/donate?${project ? `project=${encodeURIComponent(project.slug)}&` : ''}cancelled=1`;

  if (input.frequency === 'monthly') {
    const plan = await claimPlan(db, intentKey, sealed);
    if (plan.status === 'active') return { redirectUrl: thanksPath('plan', plan.id), planId: plan.id };
    const session = await checkout(deps.provider, {
      kind: 'monthly',
      referenceId: plan.id,
      amountFen: input.amountFen,
      description,
      successUrl: `${deps.baseUrl}${thanksPath('plan', plan.id)}`,
      cancelUrl: backTo,
      idempotencyKey: `plan-checkout:${plan.id}`,
    });
    await db.update(recurringPlans).set({ providerSessionId: session.sessionId }).where(eq(recurringPlans.id, plan.id));
    return { redirectUrl: session.redirectUrl, planId: plan.id };
  }

  const donation = await claimDonation(db, intentKey, sealed);
  if (donation.status !== 'pending') return { redirectUrl: thanksPath('donation', donation.id), donationId: donation.id };
  const session = await checkout(deps.provider, {
    kind: 'one_off',
    referenceId: donation.id,
    amountFen: input.amountFen,
    description,
    successUrl: `${deps.baseUrl}${thanksPath('donation', donation.id)}`,
    cancelUrl: backTo,
    idempotencyKey: `checkout:${donation.id}`,
  });
  await db.update(donations).set({ providerSessionId: session.sessionId, updatedAt: new Date() }).where(eq(donations.id, donation.id));
  return { redirectUrl: session.redirectUrl, donationId: donation.id };
}

async function findOpenProject(db: Db, slug: string) {
  const [project] = await db
    .select({ id: projects.id, slug: projects.slug, nameZh: projects.nameZh, status: projects.status })
    .from(projects)
    .where(eq(projects.slug, slug));
  if (!project || project.status === 'draft') throw new AppError('invalid_input', 'unknown project', { project: 'project_unknown' });
  if (project.status !== 'active') throw new AppError('invalid_input', 'project not taking gifts', { project: 'project_closed' });
  return project;
}

type Sealed = {
  projectId: string | null;
  amountFen: number;
  donorId: string | null;
  displayName: string | null;
  anonymous: boolean;
  message: string | null;
  contactCiphertext: string | null;
  receiptRequested: boolean;
  receiptCiphertext: string | null;
  piiKeyId: string | null;
  provider: string;
};

/** The donor's choices, which a resubmission of the same form may have changed (the amount and project cannot: they are in the key). */
const choices = (v: Sealed) => ({
  displayName: v.displayName,
  anonymous: v.anonymous,
  message: v.message,
  contactCiphertext: v.contactCiphertext,
  receiptRequested: v.receiptRequested,
  receiptCiphertext: v.receiptCiphertext,
  piiKeyId: v.piiKeyId,
});

/** The donation for this intent: a new one, or the one an earlier submission of the same form made. */
async function claimDonation(db: Db, intentKey: string, values: Sealed) {
  const [created] = await db.insert(donations).values({ ...values, intentKey }).onConflictDoNothing({ target: donations.intentKey }).returning();
  if (created) return created;
  const [existing] = await db.select().from(donations).where(eq(donations.intentKey, intentKey));
  if (existing.status === 'failed' || existing.status === 'expired') {
    // The donor cancelled and came back with the same form: a fresh attempt.
    const [retry] = await db.insert(donations).values({ ...values, intentKey: `${intentKey}:${randomUUID()}` }).returning();
    return retry;
  }
  if (existing.status !== 'pending') return existing;
  // Still unpaid: the latest submission's choices (e.g. now anonymous) are the ones the certificate honours.
  const [updated] = await db
    .update(donations)
    .set({ ...choices(values), updatedAt: new Date() })
    .where(and(eq(donations.id, existing.id), eq(donations.status, 'pending')))
    .returning();
  return updated ?? existing;
}

async function claimPlan(db: Db, intentKey: string, values: Sealed) {
  const planValues = { ...values, intentKey };
  const [created] = await db.insert(recurringPlans).values(planValues).onConflictDoNothing({ target: recurringPlans.intentKey }).returning();
  if (created) return created;
  const [existing] = await db.select().from(recurringPlans).where(eq(recurringPlans.intentKey, intentKey));
  if (existing.status === 'cancelled') {
    const [retry] = await db.insert(recurringPlans).values({ ...planValues, intentKey: `${intentKey}:${randomUUID()}` }).returning();
    return retry;
  }
  if (existing.status !== 'pending') return existing;
  const [updated] = await db
    .update(recurringPlans)
    .set(choices(values))
    .where(and(eq(recurringPlans.id, existing.id), eq(recurringPlans.status, 'pending')))
    .returning();
  return updated ?? existing;
}
