import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A log of changes to what public pages show, written by triggers in the same transaction as the change.
 * Every app instance reads it about once a second and re-renders its cached public pages after a change
 * (lib/cache/handler.js); rows older than an hour are pruned.
 */
export const cacheInvalidations = pgTable(
  'cache_invalidations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tag: text('tag').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cache_invalidations_at_idx').on(t.at)],
);
