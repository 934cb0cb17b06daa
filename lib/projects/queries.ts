import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects, serviceRecords } from '@/db/schema';

const netRaised = sql<number>`coalesce(sum(${donations.amountFen} - ${donations.refundedFen}), 0)::bigint`;
const counted = sql`${donations.status} in ('paid','partially_refunded')`;

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

/** The public list of projects with what each has raised and served. */
export async function listProjectCards(db: Db): Promise<ProjectCard[]> {
  const raised = db
    .select({ projectId: donations.projectId, raisedFen: netRaised.as('raised_fen'), gifts: sql<number>`count(*)::int`.as('gifts') })
    .from(donations)
    .where(counted)
    .groupBy(donations.projectId)
    .as('raised');
  const served = db
    .select({ projectId: serviceRecords.projectId, personTimes: sql<number>`sum(${serviceRecords.personTimes})::int`.as('person_times') })
    .from(serviceRecords)
    .groupBy(serviceRecords.projectId)
    .as('served');
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
      raisedFen: sql<number>`coalesce(${raised.raisedFen}, 0)`,
      gifts: sql<number>`coalesce(${raised.gifts}, 0)`,
      personTimes: sql<number>`coalesce(${served.personTimes}, 0)`,
    })
    .from(projects)
    .leftJoin(raised, eq(raised.projectId, projects.id))
    .leftJoin(served, eq(served.projectId, projects.id))
    .where(sql`${projects.status} <> 'draft'`)
    .orderBy(asc(projects.sortOrder), asc(projects.nameZh));
  return rows.map((r) => ({ ...r, raisedFen: Number(r.raisedFen), gifts: Number(r.gifts), personTimes: Number(r.personTimes) }));
}
