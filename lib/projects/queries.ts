import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { fundDonationTotals, projectCaseTotals, projects } from '@/db/schema';

export type ProjectCard = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  isDemo: boolean;
  status: string;
  goalFen: number;
  raisedFen: number;
  gifts: number;
  personTimes: number;
};

export type ProjectName = Pick<ProjectCard, 'id' | 'slug' | 'nameZh' | 'nameEn' | 'status'>;

/** Every project that is not a draft, by name only, in the public order: for choosing one in a form or filter. */
export function listProjectNames(db: Db): Promise<ProjectName[]> {
  return db
    .select({ id: projects.id, slug: projects.slug, nameZh: projects.nameZh, nameEn: projects.nameEn, status: projects.status })
    .from(projects)
    .where(sql`${projects.status} <> 'draft'`)
    .orderBy(asc(projects.sortOrder), asc(projects.nameZh), asc(projects.id));
}

/** The public list of projects with what each has raised and served, from the per-project summary rows. */
export async function listProjectCards(db: Db): Promise<ProjectCard[]> {
  const rows = await db
    .select({
      id: projects.id,
      slug: projects.slug,
      nameZh: projects.nameZh,
      nameEn: projects.nameEn,
      summaryZh: projects.summaryZh,
      summaryEn: projects.summaryEn,
      isDemo: projects.isDemo,
      status: projects.status,
      goalFen: projects.goalFen,
      raisedFen: sql<number>`coalesce(${fundDonationTotals.raisedFen}, 0)`,
      gifts: sql<number>`coalesce(${fundDonationTotals.gifts}, 0)`,
      personTimes: sql<number>`coalesce(${projectCaseTotals.personTimes}, 0)`,
    })
    .from(projects)
    .leftJoin(fundDonationTotals, eq(fundDonationTotals.projectId, projects.id))
    .leftJoin(projectCaseTotals, eq(projectCaseTotals.projectId, projects.id))
    .where(sql`${projects.status} <> 'draft'`)
    .orderBy(asc(projects.sortOrder), asc(projects.nameZh), asc(projects.id));
  return rows.map((r) => ({ ...r, raisedFen: Number(r.raisedFen), gifts: Number(r.gifts), personTimes: Number(r.personTimes) }));
}
