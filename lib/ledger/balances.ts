import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ledgerAccounts, projects } from '@/db/schema';
import { accountCodes } from './accounts';

/** Available money in the general fund and in each project's restricted fund (public figures). */
export async function listFundBalances(db: Db) {
  const rows = await db
    .select({ projectId: projects.id, slug: projects.slug, nameZh: projects.nameZh, nameEn: projects.nameEn, balanceFen: sql<number>`coalesce(${ledgerAccounts.balanceFen}, 0)` })
    .from(projects)
    .leftJoin(ledgerAccounts, eq(ledgerAccounts.code, sql`'project_fund:' || ${projects.id}`))
    .orderBy(projects.sortOrder);
  const [general] = await db.select({ balanceFen: ledgerAccounts.balanceFen }).from(ledgerAccounts).where(eq(ledgerAccounts.code, accountCodes.generalFund));
  return { generalFen: general?.balanceFen ?? 0, projects: rows.map((r) => ({ ...r, balanceFen: Number(r.balanceFen) })) };
}
