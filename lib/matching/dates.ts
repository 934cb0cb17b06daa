const dayMs = 86_400_000;
/** China has had no daylight saving time since 1991, so Beijing time is a fixed UTC+8. */
const beijingOffsetMs = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) in Beijing at the given instant, whatever the server's time zone. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + beijingOffsetMs).toISOString().slice(0, 10);
}

/** Whole days between submission and `today`; never negative (a clock skew must not lower priority). */
export function waitingDays(submittedAt: Date, today: Date): number {
  return Math.max(0, Math.floor((today.getTime() - submittedAt.getTime()) / dayMs));
}

/**
 * The calendar month (Beijing time) that contains `at`, as instants: [start, end). A project's places are
 * counted per such month, so at midnight on the 1st in Jiangbei every project starts afresh.
 */
export function beijingMonth(at: Date): { start: Date; end: Date } {
  const [year, month] = beijingDate(at).split('-').map(Number);
  return {
    start: new Date(Date.UTC(year, month - 1, 1) - beijingOffsetMs),
    end: new Date(Date.UTC(year, month, 1) - beijingOffsetMs),
  };
}
