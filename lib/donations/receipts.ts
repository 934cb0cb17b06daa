import { and, asc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Db } from '@/db/client';
import { auditLog, donations, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { decryptJson } from '@/lib/privacy/crypto';
import { maskIdNumber } from '@/lib/privacy/mask';

export const receiptNumberSchema = z.object({
  donationId: z.string().uuid('not_found'),
  receiptNumber: z.string().trim().min(1, 'required').max(40, 'too_long'),
});

/**
 * Official receipt requests (公益事业捐赠票据) of paid gifts, with the legal name and ID the receipt is made out
 * to — decrypted here for the administrator who issues it, and every such reading is written to the audit log.
 * Once issued, the ID number is no longer needed in full: the issued list shows it masked.
 */
export async function listReceiptRequests(db: Db, actor: Actor, which: 'open' | 'issued') {
  const admin = await authorize(db, actor, 'receipt:issue');
  const rows = await db
    .select({
      id: donations.id,
      paidAt: donations.paidAt,
      amountFen: donations.amountFen,
      refundedFen: donations.refundedFen,
      certificateNo: donations.certificateNo,
      receiptCiphertext: donations.receiptCiphertext,
      contactCiphertext: donations.contactCiphertext,
      receiptNumber: donations.receiptNumber,
      receiptIssuedAt: donations.receiptIssuedAt,
      projectNameZh: projects.nameZh,
      projectNameEn: projects.nameEn,
    })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(
      and(
        eq(donations.receiptRequested, true),
        sql`${donations.status} in ('paid','partially_refunded')`,
        which === 'open' ? isNull(donations.receiptNumber) : isNotNull(donations.receiptNumber),
      ),
    )
    .orderBy(asc(donations.paidAt))
    .limit(200);
  if (rows.length) {
    await db.insert(auditLog).values(
      rows.map((r) => ({ actorId: admin.id, action: 'receipt_pii:read', targetType: 'donation', targetId: r.id })),
    );
  }
  return rows.map(({ receiptCiphertext, contactCiphertext, ...r }) => {
    const receipt = receiptCiphertext ? decryptJson<{ legalName: string; idNumber: string }>(receiptCiphertext) : null;
    return {
      ...r,
      receipt: receipt && which === 'issued' ? { ...receipt, idNumber: maskIdNumber(receipt.idNumber) } : receipt,
      contact: contactCiphertext ? decryptJson<{ contact: string }>(contactCiphertext).contact : null,
    };
  });
}

/**
 * Records the number of the receipt issued for a gift, once (a receipt issued is never renumbered from here: two
 * administrators recording at once, or a form sent again, leave the first number), with its audit line.
 */
export async function recordReceiptNumber(db: Db, actor: Actor, input: z.infer<typeof receiptNumberSchema>): Promise<void> {
  const admin = await authorize(db, actor, 'receipt:issue');
  await inTransaction(db, async (tx) => {
    const updated = await tx
      .update(donations)
      .set({ receiptNumber: input.receiptNumber, receiptIssuedAt: new Date(), receiptIssuedById: admin.id, updatedAt: new Date() })
      .where(
        and(
          eq(donations.id, input.donationId),
          eq(donations.receiptRequested, true),
          isNull(donations.receiptNumber),
          sql`${donations.status} in ('paid','partially_refunded')`,
        ),
      )
      .returning({ id: donations.id });
    if (!updated.length) {
      const [issued] = await tx.select({ id: donations.id }).from(donations).where(and(eq(donations.id, input.donationId), isNotNull(donations.receiptNumber)));
      if (issued) throw new AppError('conflict', 'receipt already issued', { receiptNumber: 'receipt_already_issued' });
      throw new AppError('not_found', 'no receipt request for that donation', { receiptNumber: 'receipt_not_requested' });
    }
    await tx.insert(auditLog).values({
      actorId: admin.id,
      action: 'receipt:issue',
      targetType: 'donation',
      targetId: input.donationId,
      details: { receiptNumber: input.receiptNumber },
    });
  });
}
