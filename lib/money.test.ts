import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from './money';

describe('parseYuan', () => {
  it('reads whole and decimal yuan into fen', () => {
    expect(parseYuan('100')).toBe(10000);
    expect(parseYuan('99.5')).toBe(9950);
    expect(parseYuan('¥1,000.05')).toBe(100005);
    expect(parseYuan(' 20 ')).toBe(2000);
    // As a Chinese input method types it.
    expect(parseYuan('１０００')).toBe(100000);
    expect(parseYuan('1000元')).toBe(100000);
    expect(parseYuan('￥５０.５')).toBe(5050);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1e5', '12..3', 'NaN', '元', '5元元']) expect(parseYuan(bad)).toBeNull();
  });

  it('round-trips any amount of fen through its exact formatting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        expect(parseYuan(formatFen(fen, { exact: true }))).toBe(fen);
      }),
    );
  });
});

describe('formatFen', () => {
  it('shows yuan with the ¥ sign', () => {
    expect(formatFen(130000000)).toBe('¥1,300,000');
    expect(formatFen(12345)).toBe('¥123.45');
  });
});
