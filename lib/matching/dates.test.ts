import { describe, expect, it } from 'vitest';
import { beijingDate, beijingMonth } from './dates';

describe('beijingMonth', () => {
  it('is the calendar month in Beijing, not in UTC', () => {
    // 2026-11-30 17:00 UTC is already 1 December in Beijing.
    const { start, end } = beijingMonth(new Date('2026-11-30T17:00:00Z'));
    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(beijingDate(start)).toBe('2026-12-01');
  });

  it('rolls over the year and contains its own instant', () => {
    const at = new Date('2026-12-15T03:00:00Z');
    const { start, end } = beijingMonth(at);
    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(start.getTime() <= at.getTime() && at.getTime() < end.getTime()).toBe(true);
    expect(beijingMonth(new Date('2026-12-31T16:00:00Z')).start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
