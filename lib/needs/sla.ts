/**
 * Service levels: a new need is screened within 3 working days, a valid one matched within 10.
 * Working days are Monday to Friday in Asia/Shanghai, except the calendar's exceptions — public holidays off, make-up
 * working days (调休) on — which administrators enter as the State Council publishes them (lib/needs/calendar.ts).
 */
export const screenWorkingDays = 3;
export const matchWorkingDays = 10;

const shanghaiOffsetMs = 8 * 3600 * 1000;
const dayMs = 24 * 3600 * 1000;

/** Days the calendar sets apart, by date in Shanghai (YYYY-MM-DD): true a working day, false a day off. */
export type Calendar = ReadonlyMap<string, boolean>;

/** The date in Shanghai of a moment, as YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}

/** Noon in Shanghai of a date (YYYY-MM-DD): a moment that falls on that date wherever the server runs. */
export function noonOf(day: string): Date {
  return new Date(`${day}T04:00:00Z`);
}

export function isWorkingDay(at: Date, calendar: Calendar = new Map()): boolean {
  const set = calendar.get(shanghaiDay(at));
  if (set !== undefined) return set;
  const weekday = new Date(at.getTime() + shanghaiOffsetMs).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The same time of day, `days` working days later. */
export function addWorkingDays(start: Date, days: number, calendar: Calendar = new Map()): Date {
  const d = new Date(start.getTime());
  let added = 0;
  while (added < days) {
    d.setTime(d.getTime() + dayMs);
    if (isWorkingDay(d, calendar)) added++;
  }
  return d;
}

/** How far ahead a deadline of `days` working days can reach: the longest run of holidays is nine days. */
export function reachOf(days: number): number {
  return (days * 7) / 5 + 30;
}

export function isOverdue(need: { status: string; screenDueAt: Date; matchDueAt: Date | null }, now: Date): boolean {
  if (need.status === 'submitted' || need.status === 'screening') return need.screenDueAt < now;
  if (need.status === 'valid') return need.matchDueAt !== null && need.matchDueAt < now;
  return false;
}
