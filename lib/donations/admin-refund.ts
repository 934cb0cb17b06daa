import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditLog, donations, fundInflows } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { providerNamed } from '@/lib/payments';
import { applyPaymentEvent } from './apply-event';
import { resolveInvoicePayment } from './invoice-payment';

export const refundSchema = z.object({
  donationId: z.string().uuid('not_found'),
  amountFen: z.number().int().positive('refund_amount_invalid'),
  /** Made with the form: the same form sent twice refunds once, and each new form is a refund of its own. */
  intent: z.string().uuid('refund_amount_invalid'),
  /** Why, for the audit log (the donor's request, a gift made twice …); not shown in public. */
  reason: z.string().trim().min(2, 'refund_reason_required').max(200, 'too_long'),
});

type Refundable = { id: string; amountFen: number; refundedFen: number; projectId: string | null };

/** What can still be refunded now: the unrefunded part, but no more of it than is still unspent (FIFO). */
export function refundableFrom(donation: Refundable, unspentFen: number): number {
  return Math.max(0, Math.min(donation.amountFen - donation.refundedFen, unspentFen));
}

export async function refundableFen(db: Db, donation: Refundable): Promise<number> {
  return refundableFrom(donation, (await unspentByDonation(db, [donation.id])).get(donation.id) ?? 0);
}

/** Each listed gift's own money still unspent in its fund, for showing what could be refunded. */
export async function unspentByDonation(db: Db, donationIds: string[]): Promise<Map<string, number>> {
  if (donationIds.length === 0) return new Map();
  const rows = await db
    .select({ donationId: fundInflows.donationId, unspent: sql<number>`sum(${fundInflows.remainingFen})::bigint` })
    .from(fundInflows)
    .where(inArray(fundInflows.donationId, donationIds))
    .groupBy(fundInflows.donationId);
  return new Map(rows.map((r) => [r.donationId!, Number(r.unspent)]));
}

/**
 * An administrator refunds (part of) a gift through the processor it was paid with. The processor's refund
 * event does the bookkeeping (at once for the demo processor, by webhook for Stripe). Money the project has
 * already spent is not refundable from here: the admin is told how much still is.
 */
export async function requestRefund(db: Db, actor: Actor, input: z.infer<typeof refundSchema>): Promise<void> {
  const admin = await authorize(db, actor, 'donation:refund');
  const [d] = await db.select().from(donations).where(eq(donations.id, input.donationId));
  if (!d) throw new AppError('not_found', 'no such donation');
  if (d.status !== 'paid' && d.status !== 'partially_refunded') {
    throw new AppError('conflict', 'not refundable', { amount: 'refund_not_paid' });
  }
  if (input.amountFen > d.amountFen - d.refundedFen) {
    throw new AppError('invalid_input', 'more than was given', { amount: 'refund_too_much' });
  }
  if (input.amountFen > (await refundableFen(db, d))) {
    throw new AppError('insufficient_funds', 'already spent', { amount: 'refund_spent' });
  }
  const provider = providerNamed(d.provider);
  let paymentId = d.providerPaymentId;
  if (!paymentId && d.providerInvoiceId && provider.paymentOfInvoice) {
    // A monthly gift: find its payment first and keep it, so the refund's webhook finds this donation.
    paymentId = await resolveInvoicePayment(db, d.provider, d.providerInvoiceId, provider.paymentOfInvoice);
  }
  const settled = await provider.refund({
    donationId: d.id,
    providerPaymentId: paymentId,
    providerInvoiceId: d.providerInvoiceId,
    amountFen: input.amountFen,
    // Not the running total: a second refund made before the first one's webhook arrives would repeat it.
    idempotencyKey: `refund:${d.id}:${input.intent}`,
  });
  await db.insert(auditLog).values({
    actorId: admin.id,
    action: 'donation:refund',
    targetType: 'donation',
    targetId: d.id,
    details: { amountFen: input.amountFen, refundedTotalFen: d.refundedFen + input.amountFen, provider: d.provider, reason: input.reason },
  });
  if (settled) await applyPaymentEvent(db, d.provider, settled.eventId, settled.type, settled.event);
}
