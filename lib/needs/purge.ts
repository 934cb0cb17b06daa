import { and, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, disbursements, evidenceFiles, needEvents, needs } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';

/**
 * Cases that ended more than `months` before `now` — closed, found invalid or withdrawn (the purpose their
 * personal information was collected for is over either way) — and still hold personal information.
 */
function endedLongAgo(months: number, now: Date) {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - months);
  const where = and(
    inArray(needs.status, ['closed', 'invalid', 'withdrawn']),
    lt(sql`coalesce(${needs.closedAt}, ${needs.updatedAt})`, sql`${cutoff.toISOString()}::timestamptz`),
    isNotNull(needs.piiCiphertext),
  );
  return { cutoff, where };
}

/**
 * Erases the personal information of cases that ended more than `months` ago: the encrypted identity, the
 * resident's description, messages and notes, why a need was found invalid, and the receipts of payments made
 * for that one person. What remains (category, sub-district, dates, services, money) is anonymous and keeps
 * the statistics whole. Logged in the audit log.
 */
export async function purgeClosedCasePii(db: Db, actor: Actor, months: number, now = new Date()) {
  const admin = await authorize(db, actor, 'case:purge_pii');
  const { cutoff, where } = endedLongAgo(months, now);
  return db.transaction(async (tx) => {
    const purged = await tx
      .update(needs)
      .set({
        piiCiphertext: null,
        piiKeyId: null,
        nameMasked: '',
        phoneMasked: '',
        phoneHash: null,
        piiPurgedAt: now,
        ratingComment: null,
        // The resident's own words can describe health, money or family: they go too.
        description: '[已清除]',
        village: '',
        invalidReason: sql`case when ${needs.invalidReason} is null then null else '[已清除]' end`,
        updatedAt: now,
      })
      .where(where)
      .returning({ id: needs.id });
    const ids = purged.map((p) => p.id);
    if (ids.length) {
      await tx.update(needEvents).set({ note: null, publicNote: null }).where(inArray(needEvents.needId, ids));
      // Receipts for a single need may show the person; the payment itself (amount, purpose) stays public.
      await tx
        .delete(evidenceFiles)
        .where(inArray(evidenceFiles.disbursementId, tx.select({ id: disbursements.id }).from(disbursements).where(inArray(disbursements.needId, ids))));
    }
    await tx.insert(auditLog).values({
      actorId: admin.id,
      action: 'pii.purge',
      targetType: 'need',
      details: { months, cutoff: cutoff.toISOString(), count: purged.length },
    });
    return { count: purged.length, cutoff };
  });
}

/** How many ended cases a purge would clear now, for the administrator about to run it. */
export async function countPurgeable(db: Db, actor: Actor, months: number, now = new Date()) {
  await authorize(db, actor, 'case:purge_pii');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(needs).where(endedLongAgo(months, now).where);
  return row.n;
}
