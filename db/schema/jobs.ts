import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * When a background job may next run, shared by every app instance: the one that moves `next_run_at` forward runs
 * it (lib/jobs.ts). Losing the row only makes the job run once sooner.
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
});
