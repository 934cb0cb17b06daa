import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

export type HeadlineFigures = { raisedFen: number; validNeeds: number; personTimes: number; activeProjects: number };

/** The programme's published headline numbers, computed from the books and the case records. */
export async function getHeadlineFigures(db: Db): Promise<HeadlineFigures> {
  const [row] = await db.execute<Record<keyof HeadlineFigures, string>>(sql`
    select
      (select coalesce(sum(amount_fen - refunded_fen), 0) from donations
        where status in ('paid','partially_refunded')) as "raisedFen",
      (select count(*) from needs
        where status in ('valid','matched','in_service','fulfilled','closed')) as "validNeeds",
      (select coalesce(sum(person_times), 0) from service_records) as "personTimes",
      (select count(*) from projects where status = 'active') as "activeProjects"`);
  return {
    raisedFen: Number(row.raisedFen),
    validNeeds: Number(row.validNeeds),
    personTimes: Number(row.personTimes),
    activeProjects: Number(row.activeProjects),
  };
}
