import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesSomeone } from './public-text';

describe('text for the public', () => {
  it('may describe a need without naming the person', () => {
    for (const text of ['为张某购买轮椅', '慈城镇独居老人助餐 3 个月', '王奶奶的助听器', 'Wheelchair for an elderly resident', '2026年11月 物资 120 份', '数电发票 26332000000123456789'])
      expect(namesSomeone(text, ['张秀英'])).toBe(false);
  });

  it('refuses a mobile or ID-card number, however it is spaced', () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '8', '9'), fc.stringMatching(/^\d{9}$/), fc.constantFrom('', ' ', '-'), (second, rest, sep) => {
        const phone = `1${second}${rest.slice(0, 2)}${sep}${rest.slice(2, 6)}${sep}${rest.slice(6)}`;
        expect(namesSomeone(`购买轮椅，联系 ${phone}`)).toBe(true);
      }),
    );
    expect(namesSomeone('受助人 33020519800101123X')).toBe(true);
  });

  it('refuses the name of the person it is about', () => {
    expect(namesSomeone('为张秀英购买轮椅', ['张秀英'])).toBe(true);
    expect(namesSomeone('为 张 秀英 购买轮椅', ['张秀英'])).toBe(true);
    expect(namesSomeone('为张秀英购买轮椅', [undefined, '李'])).toBe(false); // one character names nobody
  });
});
