import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

export type HeadlineFigures = { raisedFen: number; validNeeds: number; personTimes: number; activeProjects: number };

/**
 * The programme's published headline numbers, from the summary tables the database keeps with every gift,
 * case change and service record (db/schema/summaries.ts): a few hundred rows, however large the programme.
 */
export async function getHeadlineFigures(db: Db): Promise<HeadlineFigures> {
  const [row] = await db.execute<Record<keyof HeadlineFigures, string>>(sql`
    select
      (select coalesce(sum(raised_fen), 0) from fund_donation_totals) as "raisedFen",
      (select coalesce(sum(needs), 0) from need_totals
        where status in ('valid','matched','in_service','fulfilled','closed')) as "validNeeds",
      (select coalesce(sum(person_times), 0) from project_case_totals) as "personTimes",
      (select count(*) from projects where status = 'active') as "activeProjects"`);
  return {
    raisedFen: Number(row.raisedFen),
    validNeeds: Number(row.validNeeds),
    personTimes: Number(row.personTimes),
    activeProjects: Number(row.activeProjects),
  };
}
