/**
 * Charity Law (慈善法) disclosure duty: a project running longer than six months discloses at least every
 * three months; every project discloses in full within three months after it ends. Periods are calendar
 * quarters in Asia/Shanghai, as plain YYYY-MM-DD dates.
 */
export type Period = { kind: 'quarterly' | 'final'; start: string; end: string; dueBy: string };

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
const addMonths = (date: string, months: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return iso(y, m - 1 + months, d);
};

export function quarterOf(date: string): { start: string; end: string } {
  const [y, m] = date.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  return { start: iso(y, q * 3, 1), end: iso(y, q * 3 + 3, 0) };
}

/** The disclosures a project owes as of `today` (closed quarters since it started, and the final one once ended). */
export function periodsDue(project: { startsOn: string | null; endsOn: string | null }, today: string): Period[] {
  if (!project.startsOn) return [];
  const periods: Period[] = [];
  const lastDay = project.endsOn && project.endsOn < today ? project.endsOn : today;
  const runsLong = addMonths(project.startsOn, 6) < (project.endsOn ?? '9999-12-31');
  if (runsLong) {
    for (let q = quarterOf(project.startsOn); q.end < lastDay; q = quarterOf(addMonths(q.start, 3))) {
      periods.push({ kind: 'quarterly', start: q.start < project.startsOn ? project.startsOn : q.start, end: q.end, dueBy: addMonths(q.end, 1) });
    }
  }
  if (project.endsOn && project.endsOn < today) {
    periods.push({ kind: 'final', start: project.startsOn, end: project.endsOn, dueBy: addMonths(project.endsOn, 3) });
  }
  return periods;
}
