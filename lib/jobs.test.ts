import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobRuns } from '@/db/schema';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { claimJob, dueHere, runInTurn } from './jobs';

const db = useTestDb();

describe('background jobs shared by every instance', () => {
  it('gives a due job to one caller of many, and again once its interval has passed', async () => {
    const name = `job_${uniqueSuffix()}`;
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimJob(db, name, 60)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimJob(db, name, 60)).toBe(false);
    await db.update(jobRuns).set({ nextRunAt: new Date(Date.now() - 1000) }).where(eq(jobRuns.name, name));
    expect(await claimJob(db, name, 60)).toBe(true);
  });

  it('is tried by an instance at most once per interval; a failure waits for the next turn', async () => {
    const name = `job_${uniqueSuffix()}`;
    expect([dueHere(name, 60), dueHere(name, 60)]).toEqual([true, false]);
    let runs = 0;
    const job = async () => {
      runs++;
      throw new Error('the processor is down');
    };
    await Promise.all(Array.from({ length: 5 }, () => runInTurn(db, name, 60, job)));
    expect(runs).toBe(1);
    await db.update(jobRuns).set({ nextRunAt: new Date(Date.now() - 1000) }).where(eq(jobRuns.name, name));
    await runInTurn(db, name, 60, job);
    expect(runs).toBe(2);
  });
});
