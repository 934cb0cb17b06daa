import { describe, expect, it } from 'vitest';
import { periodsDue, quarterOf } from './disclosure-periods';

describe('disclosure periods (Charity Law)', () => {
  it('finds the calendar quarter of a date', () => {
    expect(quarterOf('2026-02-14')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterOf('2026-12-31')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('asks a long-running project for every closed quarter since it started', () => {
    const due = periodsDue({ startsOn: '2026-02-10', endsOn: null }, '2026-11-27');
    expect(due.map((p) => [p.kind, p.start, p.end])).toEqual([
      ['quarterly', '2026-02-10', '2026-03-31'],
      ['quarterly', '2026-04-01', '2026-06-30'],
      ['quarterly', '2026-07-01', '2026-09-30'],
    ]);
  });

  it('asks a short project only for its final disclosure, once it has ended', () => {
    expect(periodsDue({ startsOn: '2026-06-01', endsOn: '2026-09-30' }, '2026-08-01')).toEqual([]);
    expect(periodsDue({ startsOn: '2026-06-01', endsOn: '2026-09-30' }, '2026-11-27')).toEqual([
      { kind: 'final', start: '2026-06-01', end: '2026-09-30', dueBy: '2026-12-30' },
    ]);
  });

  it('asks an ended long project for its quarters and its final disclosure', () => {
    const due = periodsDue({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, '2026-02-01');
    expect(due.filter((p) => p.kind === 'quarterly')).toHaveLength(3);
    expect(due.at(-1)).toMatchObject({ kind: 'final', start: '2025-01-01', end: '2025-12-31' });
  });
});
