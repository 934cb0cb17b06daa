import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { minReasonLength } from '@/lib/reason';
import type { Db } from '@/db/client';
import { auditLog, donations, fundInflows } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { providerNamed } from '@/lib/payments';
import { recordAndApply } from './apply-event';
import { resolveInvoicePayment } from './invoice-payment';

export const refundSchema = z.object({
  donationId: z.string().uuid('not_found'),
  amountFen: z.number().int().positive('refund_amount_invalid'),
  /** Made with the form: the same form sent twice refunds once, and each new form is a refund of its own. */
  intent: z.string().uuid('refund_amount_invalid'),
  /** Why, for the audit log (the donor's request, a gift made twice …); not shown in public. */
  reason: z.string().trim().min(minReasonLength, 'refund_reason_required').max(200, 'too_long'),
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
 * An administrator refunds (part of) a gift through the processor it was paid with, and books it from the processor's
 * answer — Stripe's refund object, the demo processor's settled event — before the gift's row lock is let go: a second
 * refund of the same gift waits, then sees the first (never two refunds checked against the same money). The
 * processor's own report of the refund, arriving later, finds it booked and changes nothing. Money the project has
 * already spent is not refundable from here: the admin is told how much still is. The same form sent again (a double
 * click, a retried request) refunds once.
 */
export async function requestRefund(db: Db, actor: Actor, input: z.infer<typeof refundSchema>): Promise<void> {
  const admin = await authorize(db, actor, 'donation:refund');
  const [found] = await db.select().from(donations).where(eq(donations.id, input.donationId));
  if (!found) throw new AppError('not_found', 'no such donation');
  const provider = providerNamed(found.provider);
  let paymentId = found.providerPaymentId;
  if (!paymentId && found.providerInvoiceId && provider.paymentOfInvoice && refundable(found)) {
    // A monthly gift: find its payment first (a network call, before any lock) and keep it, so the refund's webhook finds this donation.
    paymentId = await resolveInvoicePayment(db, found.provider, found.providerInvoiceId, provider.paymentOfInvoice);
  }
  await db.transaction(async (tx) => {
    const [d] = await tx.select().from(donations).where(eq(donations.id, input.donationId)).for('update');
    if (await refundedWith(tx, d.id, input.intent)) return;
    if (!refundable(d)) throw new AppError('conflict', 'not refundable', { amount: 'refund_not_paid' });
    if (input.amountFen > d.amountFen - d.refundedFen) {
      throw new AppError('invalid_input', 'more than was given', { amount: 'refund_too_much' });
    }
    if (input.amountFen > (await refundableFen(tx, d))) {
      throw new AppError('insufficient_funds', 'already spent', { amount: 'refund_spent' });
    }
    const settled = await provider.refund({
      donationId: d.id,
      providerPaymentId: paymentId,
      providerInvoiceId: d.providerInvoiceId,
      amountFen: input.amountFen,
      idempotencyKey: `refund:${d.id}:${input.intent}`,
    });
    // Refused outright (rare: a refund usually fails later, and its event then reverses it): nothing is kept here, the
    // administrator is told; the processor's own report of it still lists it as failed on the gift.
    if (settled.event.kind !== 'refund' || settled.event.failed) {
      throw new AppError('conflict', 'the processor refused the refund', { amount: 'refund_refused' });
    }
    await tx.insert(auditLog).values({
      actorId: admin.id,
      action: 'donation:refund',
      targetType: 'donation',
      targetId: d.id,
      details: { amountFen: input.amountFen, refundedTotalFen: d.refundedFen + input.amountFen, provider: d.provider, reason: input.reason, intent: input.intent },
    });
    await recordAndApply(tx, d.provider, [settled]);
  });
}

const refundable = (d: { status: string }) => d.status === 'paid' || d.status === 'partially_refunded';

/** Whether this form has refunded this gift already (its audit line names the form). */
async function refundedWith(tx: Db, donationId: string, intent: string): Promise<boolean> {
  const [done] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'donation'), eq(auditLog.targetId, donationId), eq(auditLog.action, 'donation:refund'), sql`${auditLog.details}->>'intent' = ${intent}`))
    .limit(1);
  return !!done;
}
