import { describe, expect, it } from 'vitest';
import { canMove, statusAfterRefund, type DonationStatus } from './status';

const all: DonationStatus[] = ['pending', 'paid', 'partially_refunded', 'refunded', 'failed', 'expired'];

describe('donation status', () => {
  it('moves only forward', () => {
    expect(canMove('pending', 'paid')).toBe(true);
    expect(canMove('paid', 'refunded')).toBe(true);
    expect(canMove('failed', 'paid')).toBe(false);
    expect(canMove('expired', 'paid')).toBe(false);
    expect(canMove('refunded', 'paid')).toBe(false);
    expect(canMove('paid', 'pending')).toBe(false);
    expect(canMove('partially_refunded', 'paid')).toBe(false);
  });

  it('has terminal states with no way out', () => {
    for (const to of all) {
      expect(canMove('refunded', to)).toBe(false);
      expect(canMove('failed', to)).toBe(false);
      expect(canMove('expired', to)).toBe(false);
    }
  });

  it('names the status for what is refunded (back to paid when a failed refund leaves nothing refunded)', () => {
    expect(statusAfterRefund(10000, 3000)).toBe('partially_refunded');
    expect(statusAfterRefund(10000, 10000)).toBe('refunded');
    expect(statusAfterRefund(10000, 0)).toBe('paid');
  });
});
