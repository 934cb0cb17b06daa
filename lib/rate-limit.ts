import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

export type Limit = { max: number; windowSeconds: number };

/**
 * Fixed-window counters in PostgreSQL, so every app instance sees the same count. `take` counts an
 * attempt atomically and says whether it is still within the limit.
 */
export async function takeRateLimit(db: Db, key: string, limit: Limit): Promise<boolean> {
  const rows = await db.execute<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${limit.windowSeconds}) * ${limit.windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count`);
  return Number(rows[0].count) <= limit.max;
}

/** Gives back an attempt that turned out to be legitimate (a successful sign-in is not held against anyone). */
export async function releaseRateLimit(db: Db, key: string, limit: Limit): Promise<void> {
  await db.execute(sql`
    update rate_limits set count = greatest(count - 1, 0)
    where key = ${key}
      and window_start = to_timestamp(floor(extract(epoch from now()) / ${limit.windowSeconds}) * ${limit.windowSeconds})`);
}

/** Old windows are useless; trimmed now and then on the write path rather than by a scheduler. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
}
