import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';

/** A signed-in donor's own gifts, newest first. */
export async function listOwnDonations(db: Db, actor: Actor) {
  const user = await authorize(db, actor, 'own_giving:read');
  return db
    .select({
      id: donations.id,
      amountFen: donations.amountFen,
      status: donations.status,
      createdAt: donations.createdAt,
      certificateNo: donations.certificateNo,
      projectName: projects.nameZh,
      projectNameEn: projects.nameEn,
    })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(eq(donations.donorId, user.id))
    .orderBy(desc(donations.createdAt));
}
