import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { needEvents, needs, serviceRecords, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { takeRateLimit } from '@/lib/rate-limit';
import { normalizeTrackingCode } from './code';
import { trackingHash } from './pii';
import { nextStatus, type NeedStatus } from './status';

export const proofSchema = z.object({
  code: z.string().trim().min(1, 'required').transform((v, ctx) => {
    const code = normalizeTrackingCode(v);
    if (!code) ctx.addIssue({ code: 'custom', message: 'code_invalid' });
    return code ?? '';
  }),
  last4: z
    .string()
    .transform((v) => v.normalize('NFKC').trim())
    .pipe(z.string().regex(/^\d{4}$/, 'last4_invalid')),
});
export type Proof = z.infer<typeof proofSchema>;

const lookupLimits = { ip: { max: 30, windowSeconds: 3600 }, code: { max: 10, windowSeconds: 3600 } };

/**
 * Tracking code + the last four digits of a phone given with the request (the resident's, or the helper's who asked
 * on their behalf), checked against keyed hashes; a wrong pair says only "not found".
 */
async function proveNeed(db: Db, proof: Proof, ip: string) {
  const okIp = await takeRateLimit(db, `track:ip:${ip}`, lookupLimits.ip);
  const okCode = await takeRateLimit(db, `track:code:${proof.code}`, lookupLimits.code);
  if (!okIp || !okCode) throw new AppError('throttled');
  const [need] = await db.select().from(needs).where(eq(needs.code, proof.code));
  const hash = trackingHash(proof.code, proof.last4);
  if (!need || (need.trackingHash !== hash && need.submitterTrackingHash !== hash)) throw new AppError('not_found');
  return need;
}

export type TimelineItem = {
  at: Date;
  type: string;
  toStatus: NeedStatus | null;
  publicNote: string | null;
  by: 'resident' | 'staff' | 'system';
  staffName: string | null;
  /** A match's project in English (the event keeps its Chinese name, as it was then; null if renamed since). */
  projectNameEn: string | null;
};

/** What the resident sees: the steps in plain words, never an internal note and never anyone's personal data. */
export async function trackNeed(db: Db, proof: Proof, ip: string) {
  return viewProvenNeed(db, await proveNeed(db, proof, ip));
}

type ProvenNeed = Awaited<ReturnType<typeof proveNeed>>;

/** The resident's view of a need already proven in this request (so one action counts one look-up). */
export async function viewProvenNeed(db: Db, proven: ProvenNeed) {
  const [need] = await db.select().from(needs).where(eq(needs.id, proven.id));
  const events = await db
    .select({
      at: needEvents.createdAt,
      type: needEvents.type,
      toStatus: needEvents.toStatus,
      publicNote: needEvents.publicNote,
      by: needEvents.actorKind,
      staffName: users.name,
      projectNameEn: sql<string | null>`case when ${needEvents.toStatus} = 'matched' then (select p.name_en from projects p where p.name_zh = ${needEvents.publicNote} limit 1) end`,
    })
    .from(needEvents)
    .leftJoin(users, eq(users.id, needEvents.actorId))
    .where(and(eq(needEvents.needId, need.id), inArray(needEvents.type, ['submitted', 'status', 'resident_message', 'service', 'rating', 'reply'])))
    .orderBy(asc(needEvents.createdAt), asc(needEvents.id));
  const services = await db
    .select({ servedOn: serviceRecords.servedOn, serviceType: serviceRecords.serviceType })
    .from(serviceRecords)
    .where(eq(serviceRecords.needId, need.id));
  return {
    code: need.code,
    status: need.status,
    category: need.category,
    areaId: need.areaId,
    submittedAt: need.submittedAt,
    screenDueAt: need.screenDueAt,
    invalidReason: need.status === 'invalid' ? need.invalidReason : null,
    timeline: events as TimelineItem[],
    services,
    canWithdraw: nextStatus(need.status, 'withdraw') !== null,
    canRate: (need.status === 'fulfilled' || need.status === 'closed') && need.rating === null,
    rating: need.rating,
  };
}
export type TrackedNeed = Awaited<ReturnType<typeof viewProvenNeed>>;

export const messageSchema = z.object({ message: z.string().trim().min(1, 'required').max(500, 'too_long') });

export async function addResidentMessage(db: Db, proof: Proof, message: string, ip: string) {
  const need = await proveNeed(db, proof, ip);
  if (need.status === 'closed' || need.status === 'withdrawn') throw new AppError('conflict', 'case no longer open');
  await db.insert(needEvents).values({ needId: need.id, type: 'resident_message', actorKind: 'resident', publicNote: message });
  return need;
}

export const withdrawSchema = z.object({ reason: z.string().trim().max(500, 'too_long').optional().default('') });

export async function withdrawNeed(db: Db, proof: Proof, reason: string, ip: string) {
  const need = await proveNeed(db, proof, ip);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: needs.status }).from(needs).where(eq(needs.id, need.id)).for('update');
    const to = nextStatus(locked.status, 'withdraw');
    if (!to) throw new AppError('conflict', `cannot withdraw a need that is ${locked.status}`);
    await tx.update(needs).set({ status: to, updatedAt: new Date() }).where(eq(needs.id, need.id));
    await tx.insert(needEvents).values({
      needId: need.id,
      type: 'status',
      fromStatus: locked.status,
      toStatus: to,
      actorKind: 'resident',
      publicNote: reason || null,
    });
  });
  return need;
}

export const ratingSchema = z.object({
  rating: z.coerce.number({ message: 'rating_required' }).int().min(1, 'rating_required').max(5, 'rating_required'),
  comment: z.string().trim().max(500, 'too_long').optional().default(''),
});

/** After the help is delivered the resident rates it once; ratings feed the public satisfaction figure. */
export async function rateNeed(db: Db, proof: Proof, rating: number, comment: string, ip: string) {
  const need = await proveNeed(db, proof, ip);
  // The rating and its line in the history together, or neither.
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(needs)
      .set({ rating, ratingComment: comment || null, updatedAt: new Date() })
      .where(and(eq(needs.id, need.id), inArray(needs.status, ['fulfilled', 'closed']), isNull(needs.rating)))
      .returning({ id: needs.id });
    if (!updated.length) throw new AppError('conflict', 'cannot rate now');
    await tx.insert(needEvents).values({ needId: need.id, type: 'rating', actorKind: 'resident', note: comment || null });
  });
  return need;
}
