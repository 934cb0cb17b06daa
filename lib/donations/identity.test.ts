import { describe, expect, it } from 'vitest';
import { isCreditCode, isReceiptIdentity, isResidentId } from './identity';
import { parseDonationAmount, presetAmounts } from './amount';

const limits = { minFen: 100, maxFen: 5_000_000 };

describe('donation amounts', () => {
  it('accepts yuan within the limits as integer fen', () => {
    expect(parseDonationAmount('100', limits)).toEqual({ ok: true, fen: 10000 });
    expect(parseDonationAmount('¥88.8', limits)).toEqual({ ok: true, fen: 8880 });
    expect(parseDonationAmount('50,000', limits)).toEqual({ ok: true, fen: 5_000_000 });
  });

  it('refuses zero, negative, too much and not-a-number with distinct reasons', () => {
    expect(parseDonationAmount('0', limits)).toEqual({ ok: false, error: 'amount_too_small' });
    expect(parseDonationAmount('-5', limits)).toEqual({ ok: false, error: 'amount_too_small' });
    expect(parseDonationAmount('0.5', limits)).toEqual({ ok: false, error: 'amount_too_small' });
    expect(parseDonationAmount('50000.01', limits)).toEqual({ ok: false, error: 'amount_too_large' });
    expect(parseDonationAmount('abc', limits)).toEqual({ ok: false, error: 'amount_invalid' });
    expect(parseDonationAmount('1.234', limits)).toEqual({ ok: false, error: 'amount_invalid' });
    expect(parseDonationAmount('  ', limits)).toEqual({ ok: false, error: 'amount_required' });
  });

  it('offers only presets inside the limits', () => {
    expect(presetAmounts(limits)).toEqual([2000, 5000, 10000, 50000]);
    expect(presetAmounts({ minFen: 3000, maxFen: 20000 })).toEqual([5000, 10000]);
  });
});

describe('receipt identities', () => {
  it('checks a resident ID number with its check digit and birth date', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('110105194913310028')).toBe(false);
    expect(isResidentId('1101051949123100')).toBe(false);
  });

  it('checks a unified social credit code', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isReceiptIdentity('91350100M000100Y43')).toBe(true);
    expect(isReceiptIdentity('not an id')).toBe(false);
  });
});
