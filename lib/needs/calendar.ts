import { and, asc, between, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditLog, calendarDays, needs } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { publicText } from '@/lib/privacy/public-text';
import { addWorkingDays, isWorkingDay, matchWorkingDays, noonOf, reachOf, screenWorkingDays, shanghaiDay, type Calendar } from './sla';

const dayMs = 24 * 3600 * 1000;
const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * dayMs);

/** The calendar's exceptions between two dates (inclusive, YYYY-MM-DD). */
export async function loadCalendar(db: Db, from: string, to: string): Promise<Calendar> {
  const rows = await db.select({ day: calendarDays.day, working: calendarDays.working }).from(calendarDays).where(between(calendarDays.day, from, to));
  return new Map(rows.map((r) => [r.day, r.working]));
}

/**
 * Deadlines and changes of the calendar are ordered by one advisory lock, taken before any case is locked: a
 * transaction that sets a deadline holds it shared until it commits, a change of the calendar holds it alone. So a
 * deadline is either set by the calendar as changed, or committed before the change moves the deadlines across it.
 */
export async function holdCalendar(tx: Db, alone = false): Promise<void> {
  await tx.execute(alone ? sql`select pg_advisory_xact_lock(7243003)` : sql`select pg_advisory_xact_lock_shared(7243003)`);
}

/** `days` working days after `start`, by the calendar as it stands: one small read, in a transaction holding the calendar. */
export async function workingDeadline(tx: Db, start: Date, days: number): Promise<Date> {
  return addWorkingDays(start, days, await loadCalendar(tx, shanghaiDay(start), shanghaiDay(plusDays(start, reachOf(days)))));
}

const calendarDay = z.iso.date('date_invalid').refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'date_invalid');

export const calendarDaySchema = z.object({
  day: calendarDay,
  /** A holiday falls on a weekday; a make-up working day (调休) on a weekend. */
  kind: z.enum(['holiday', 'workday'], { message: 'choose_one' }),
  note: publicText(40),
});

export type CalendarDay = { day: string; working: boolean; note: string };

/** The exceptions from a date (YYYY-MM-DD) on, in order. Administrators only. */
export async function listCalendarDays(db: Db, actor: Actor, from: string): Promise<CalendarDay[]> {
  await authorize(db, actor, 'calendar:manage');
  return db
    .select({ day: calendarDays.day, working: calendarDays.working, note: calendarDays.note })
    .from(calendarDays)
    .where(gte(calendarDays.day, from))
    .orderBy(asc(calendarDays.day));
}

/**
 * Sets one day apart. Deadlines already running across it move with it (below), so the calendar can be entered
 * when it is published, after cases have come in.
 */
export async function setCalendarDay(db: Db, actor: Actor, input: z.infer<typeof calendarDaySchema>): Promise<void> {
  const admin = await authorize(db, actor, 'calendar:manage');
  const working = input.kind === 'workday';
  if (isWorkingDay(noonOf(input.day)) === working) {
    throw new AppError('invalid_input', 'nothing to set apart', { kind: working ? 'calendar_not_weekend' : 'calendar_not_weekday' });
  }
  await db.transaction(async (tx) => {
    await holdCalendar(tx, true);
    const [set] = await tx.insert(calendarDays).values({ day: input.day, working, note: input.note, setById: admin.id }).onConflictDoNothing().returning();
    if (!set) throw new AppError('conflict', 'day already set', { day: 'calendar_day_taken' });
    await tx.insert(auditLog).values({ actorId: admin.id, action: 'calendar.set', targetType: 'calendar_day', targetId: input.day, details: { working, note: input.note } });
    await moveDeadlinesAcross(tx, input.day);
  });
}

export async function removeCalendarDay(db: Db, actor: Actor, day: string): Promise<void> {
  const admin = await authorize(db, actor, 'calendar:manage');
  if (!calendarDay.safeParse(day).success) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    await holdCalendar(tx, true);
    const [gone] = await tx.delete(calendarDays).where(eq(calendarDays.day, day)).returning();
    if (!gone) throw new AppError('not_found');
    await tx.insert(auditLog).values({ actorId: admin.id, action: 'calendar.remove', targetType: 'calendar_day', targetId: day, details: { working: gone.working, note: gone.note } });
    await moveDeadlinesAcross(tx, day);
  });
}

/**
 * Recomputes the deadlines still running that a change of this date can move: those started before its end and
 * falling on or after its start (in Shanghai). Each case is locked and moved in this transaction.
 */
async function moveDeadlinesAcross(tx: Db, day: string) {
  const start = new Date(`${day}T00:00:00+08:00`);
  const end = plusDays(start, 1);
  const running = await tx
    .select({ id: needs.id, status: needs.status, submittedAt: needs.submittedAt, validAt: needs.validAt })
    .from(needs)
    .where(
      or(
        and(inArray(needs.status, ['submitted', 'screening']), lt(needs.submittedAt, end), gte(needs.screenDueAt, start)),
        and(eq(needs.status, 'valid'), lt(needs.validAt, end), gte(needs.matchDueAt, start)),
      ),
    )
    .for('update');
  if (running.length === 0) return;
  const earliest = running.reduce((m, n) => Math.min(m, (n.status === 'valid' ? n.validAt! : n.submittedAt).getTime()), Infinity);
  const calendar = await loadCalendar(tx, shanghaiDay(new Date(earliest)), shanghaiDay(plusDays(end, reachOf(matchWorkingDays))));
  const moved = running.map((n) =>
    n.status === 'valid'
      ? { id: n.id, screen: null, match: addWorkingDays(n.validAt!, matchWorkingDays, calendar) }
      : { id: n.id, screen: addWorkingDays(n.submittedAt, screenWorkingDays, calendar), match: null },
  );
  await tx.execute(sql`
    update needs n set
      screen_due_at = coalesce(m.screen, n.screen_due_at),
      match_due_at = coalesce(m.match, n.match_due_at)
    from jsonb_to_recordset(${JSON.stringify(moved)}::jsonb) as m(id uuid, screen timestamptz, match timestamptz)
    where n.id = m.id`);
}
