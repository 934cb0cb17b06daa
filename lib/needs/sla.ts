/**
 * Service levels: a new need is screened within 3 working days, a valid one matched within 10.
 * Working days skip Saturdays and Sundays in Asia/Shanghai; public holidays are not modelled (noted in
 * the README), so a deadline over a holiday is a day or two strict, never lenient.
 */
export const screenWorkingDays = 3;
export const matchWorkingDays = 10;

const shanghaiOffsetMs = 8 * 3600 * 1000;

export function addWorkingDays(start: Date, days: number): Date {
  const d = new Date(start.getTime());
  let added = 0;
  while (added < days) {
    d.setTime(d.getTime() + 24 * 3600 * 1000);
    const weekday = new Date(d.getTime() + shanghaiOffsetMs).getUTCDay();
    if (weekday !== 0 && weekday !== 6) added++;
  }
  return d;
}

export function isOverdue(need: { status: string; screenDueAt: Date; matchDueAt: Date | null }, now: Date): boolean {
  if (need.status === 'submitted' || need.status === 'screening') return need.screenDueAt < now;
  if (need.status === 'valid') return need.matchDueAt !== null && need.matchDueAt < now;
  return false;
}
