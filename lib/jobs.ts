import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/**
 * Claims a background job's turn: true for the one caller, across every instance, that finds the job due and moves
 * its next run `everySeconds` on. The others (and this one until then) get false.
 */
export async function claimJob(db: Db, name: string, everySeconds: number): Promise<boolean> {
  const claimed = await db.execute(sql`
    insert into job_runs (name, next_run_at) values (${name}, now() + make_interval(secs => ${everySeconds}))
    on conflict (name) do update set next_run_at = excluded.next_run_at where job_runs.next_run_at <= now()
    returning name`);
  return claimed.length > 0;
}

const notBefore = new Map<string, number>();

/**
 * Whether this instance should try for a job's turn now: true at most once per `everySeconds` (a time kept in
 * memory — losing it only makes the instance try once sooner), so a caller on a request path asks the database, and
 * schedules work after its response (which costs a busy route half its throughput), only that often.
 */
export function dueHere(name: string, everySeconds: number): boolean {
  if (Date.now() < (notBefore.get(name) ?? 0)) return false;
  notBefore.set(name, Date.now() + everySeconds * 1000);
  return true;
}

/** Runs a job if this caller claims its turn (`claimJob`); a failure is logged and left for the next turn. */
export async function runInTurn(db: Db, name: string, everySeconds: number, job: () => Promise<unknown>): Promise<void> {
  try {
    if (await claimJob(db, name, everySeconds)) await job();
  } catch (error) {
    console.error(`background job ${name} failed`, error);
  }
}
