import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { certificatePath } from './certificates';

/** A signed-in donor's own gifts, newest first, with their certificates and official receipts. */
export async function listOwnDonations(db: Db, actor: Actor) {
  const user = await authorize(db, actor, 'own_giving:read');
  const rows = await db
    .select({
      id: donations.id,
      amountFen: donations.amountFen,
      refundedFen: donations.refundedFen,
      status: donations.status,
      createdAt: donations.createdAt,
      paidAt: donations.paidAt,
      certificateNo: donations.certificateNo,
      anonymous: donations.anonymous,
      monthly: donations.planId,
      receiptRequested: donations.receiptRequested,
      receiptNumber: donations.receiptNumber,
      projectSlug: projects.slug,
      projectName: projects.nameZh,
      projectNameEn: projects.nameEn,
    })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(eq(donations.donorId, user.id))
    .orderBy(desc(donations.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    monthly: r.monthly !== null,
    certificateHref: r.certificateNo ? certificatePath(r.certificateNo) : null,
  }));
}
