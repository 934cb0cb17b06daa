import { describe, expect, it } from 'vitest';
import { addWorkingDays, isOverdue } from './sla';
import { allowedActions, needActions, needStatuses, nextStatus } from './status';

describe('the need status machine', () => {
  it('follows the journey from submitted to closed', () => {
    let s = nextStatus('submitted', 'start_screening');
    expect(s).toBe('screening');
    s = nextStatus(s!, 'verify_valid');
    expect(s).toBe('valid');
    s = nextStatus(s!, 'match');
    expect(s).toBe('matched');
    s = nextStatus(s!, 'record_service');
    expect(s).toBe('in_service');
    s = nextStatus(s!, 'mark_fulfilled');
    expect(s).toBe('fulfilled');
    expect(nextStatus(s!, 'close')).toBe('closed');
  });

  it('refuses skipping steps', () => {
    expect(nextStatus('submitted', 'match')).toBeNull();
    expect(nextStatus('submitted', 'verify_valid')).toBeNull();
    expect(nextStatus('valid', 'mark_fulfilled')).toBeNull();
    expect(nextStatus('matched', 'close')).toBeNull();
    expect(nextStatus('closed', 'withdraw')).toBeNull();
    expect(nextStatus('in_service', 'withdraw')).toBeNull();
  });

  it('offers at least one way out of every status', () => {
    for (const s of needStatuses) expect(allowedActions(s).length).toBeGreaterThan(0);
  });

  it('never moves a need into submitted again', () => {
    for (const s of needStatuses) for (const a of needActions) expect(nextStatus(s, a)).not.toBe('submitted');
  });
});

describe('service levels', () => {
  it('counts working days, skipping the weekend (Shanghai time)', () => {
    // Friday 2026-11-27 10:00 in Shanghai → 3 working days later is Wednesday 2026-12-02.
    const friday = new Date('2026-11-27T02:00:00Z');
    expect(addWorkingDays(friday, 3).toISOString()).toBe('2026-12-02T02:00:00.000Z');
  });

  it('marks unscreened and unmatched needs overdue after their deadline only', () => {
    const due = new Date('2026-12-01T00:00:00Z');
    expect(isOverdue({ status: 'screening', screenDueAt: due, matchDueAt: null }, new Date('2026-12-02T00:00:00Z'))).toBe(true);
    expect(isOverdue({ status: 'screening', screenDueAt: due, matchDueAt: null }, new Date('2026-11-30T00:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'valid', screenDueAt: due, matchDueAt: due }, new Date('2026-12-02T00:00:00Z'))).toBe(true);
    expect(isOverdue({ status: 'in_service', screenDueAt: due, matchDueAt: due }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});
