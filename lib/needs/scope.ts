import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { needs, userAreas } from '@/db/schema';
import type { AuthorizedUser } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/** Admins see every case; a social worker sees the cases of their sub-districts and those assigned to them. */
export function caseScope(user: AuthorizedUser): SQL | undefined {
  if (can(user.role, 'case:see_all_areas')) return undefined;
  return or(
    eq(needs.assigneeId, user.id),
    sql`${needs.areaId} in (select ${userAreas.areaId} from ${userAreas} where ${userAreas.userId} = ${user.id})`,
  );
}

export async function assertInScope(db: Db, user: AuthorizedUser, need: { areaId: string; assigneeId: string | null }) {
  if (can(user.role, 'case:see_all_areas') || need.assigneeId === user.id) return;
  const rows = await db.select().from(userAreas).where(eq(userAreas.userId, user.id));
  if (!rows.some((r) => r.areaId === need.areaId)) throw new AppError('forbidden', 'case outside your sub-districts');
}
