import { sql } from 'drizzle-orm';
import { check, date, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './people';
import { projects } from './projects';

/**
 * A published Charity Law disclosure for one project and period: the figures are frozen at publication
 * (drafted from the ledger), so what the public read then stays what they can read later.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    content: jsonb('content').notNull(),
    publishedById: uuid('published_by_id')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('disclosures_kind', sql`${t.kind} in ('quarterly','final')`),
    check('disclosures_period', sql`${t.periodEnd} >= ${t.periodStart}`),
    uniqueIndex('disclosures_project_period_idx').on(t.projectId, t.kind, t.periodStart, t.periodEnd),
  ],
);
