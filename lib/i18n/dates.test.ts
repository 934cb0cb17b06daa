import { describe, expect, it } from 'vitest';
import { dateFormat, formatDay } from './dates';

describe('formatDay', () => {
  it('writes a calendar date as the other dates on a page are written, in either language', () => {
    expect(formatDay('zh-CN', '2026-11-20')).toBe('2026年11月20日');
    expect(formatDay('en', '2026-11-20')).toBe('Nov 20, 2026'); // as next-intl writes English dates elsewhere
    expect(formatDay('zh-CN', '2026-11-20')).toBe(dateFormat('zh-CN').format(new Date('2026-11-20T10:00:00+08:00')));
  });

  it('keeps the day it is given at the edges of the year, wherever the server runs', () => {
    expect(formatDay('zh-CN', '2026-01-01')).toBe('2026年1月1日');
    expect(formatDay('en', '2026-12-31')).toBe('Dec 31, 2026');
  });
});
