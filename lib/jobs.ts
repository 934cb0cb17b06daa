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
 * Runs a job after a request when it is due, without asking the database on every request: each instance asks at
 * most once per `everySeconds` (a time kept in memory — losing it only makes the instance ask once sooner).
 * A failure is logged and left for the next turn.
 */
export async function runWhenDue(db: Db, name: string, everySeconds: number, job: () => Promise<unknown>): Promise<void> {
  if (Date.now() < (notBefore.get(name) ?? 0)) return;
  notBefore.set(name, Date.now() + everySeconds * 1000);
  try {
    if (await claimJob(db, name, everySeconds)) await job();
  } catch (error) {
    console.error(`background job ${name} failed`, error);
  }
}
