import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beijingDate, waitingDays } from './dates';
import { maxNonWaitingPoints, priorityOf } from './priority';
import { daysAgo, makeNeed, needArb, today } from './test-fixtures';
import { urgencies, type MatchNeed } from './types';

describe('priorityOf', () => {
  it('follows the documented formula', () => {
    // 1 + urgency + 8 × (hardship − 1) + waiting days
    expect(priorityOf(makeNeed({ urgency: 'low', hardship: 1, submittedAt: today }), today)).toBe(1);
    expect(priorityOf(makeNeed({ urgency: 'normal', hardship: 3, submittedAt: daysAgo(10) }), today)).toBe(1 + 20 + 16 + 10);
    expect(priorityOf(makeNeed({ urgency: 'high', hardship: 5, submittedAt: daysAgo(2) }), today)).toBe(1 + 45 + 32 + 2);
    expect(priorityOf(makeNeed({ urgency: 'critical', hardship: 2, submittedAt: daysAgo(0.9) }), today)).toBe(1 + 90 + 8);
    expect(maxNonWaitingPoints).toBe(122);
  });

  it('counts an unassessed hardship as the middle level and clamps out-of-range values', () => {
    const at = (hardship: number | null) => priorityOf(makeNeed({ hardship }), today);
    expect(at(null)).toBe(at(3));
    expect(at(0)).toBe(at(1));
    expect(at(9)).toBe(at(5));
  });

  it('never counts negative waiting (a submission clock ahead of ours)', () => {
    expect(waitingDays(daysAgo(-3), today)).toBe(0);
    expect(priorityOf(makeNeed({ submittedAt: daysAgo(-3) }), today)).toBe(priorityOf(makeNeed(), today));
  });

  it('grows with urgency, hardship and waiting time', () => {
    fc.assert(
      fc.property(needArb, fc.integer({ min: 1, max: 400 }), (n, extraDays) => {
        const need = { ...n, id: 'x' } as MatchNeed;
        const p = priorityOf(need, today);
        expect(Number.isInteger(p) && p >= 1).toBe(true);
        expect(priorityOf({ ...need, submittedAt: daysAgo(extraDays, need.submittedAt) }, today)).toBe(p + extraDays);
        const level = urgencies.indexOf(need.urgency);
        if (level < urgencies.length - 1) {
          expect(priorityOf({ ...need, urgency: urgencies[level + 1] }, today)).toBeGreaterThan(p);
        }
        const hardship = need.hardship ?? 3;
        if (hardship < 5) expect(priorityOf({ ...need, hardship: hardship + 1 }, today)).toBeGreaterThan(p);
      }),
    );
  });

  it('lets waiting time dominate: 123 more days of waiting beats any urgency and hardship', () => {
    fc.assert(
      fc.property(needArb, needArb, fc.integer({ min: 0, max: 1000 }), (a, b, base) => {
        const older = { ...a, id: 'a', submittedAt: daysAgo(base + maxNonWaitingPoints + 1) } as MatchNeed;
        const newer = { ...b, id: 'b', submittedAt: daysAgo(base) } as MatchNeed;
        expect(priorityOf(older, today)).toBeGreaterThan(priorityOf(newer, today));
      }),
    );
    // …and the bound is tight: a fresh critical, hardship-5 need still beats a low, hardship-1 one 122 days older.
    const fresh = makeNeed({ urgency: 'critical', hardship: 5, submittedAt: today });
    const old = makeNeed({ urgency: 'low', hardship: 1, submittedAt: daysAgo(122) });
    expect(priorityOf(fresh, today)).toBe(priorityOf(old, today));
  });
});

describe('beijingDate', () => {
  it('gives the calendar day in Ningbo whatever the server time zone', () => {
    expect(beijingDate(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(beijingDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
  });
});
