import { boolean, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people';

/**
 * The working calendar's exceptions, as the State Council publishes them each year: a public holiday on a weekday
 * (`working` false) and a make-up working day on a weekend (调休, `working` true). Every other day is a working day
 * from Monday to Friday. Service-level deadlines count working days by it (lib/needs/calendar.ts).
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  working: boolean('working').notNull(),
  note: text('note').notNull(),
  setById: uuid('set_by_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
