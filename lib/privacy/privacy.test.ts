import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, keyIdOf, parseKeyRing } from './crypto';
import { maskIdNumber, maskName, maskPhone } from './mask';

const key = () => randomBytes(32).toString('base64');

describe('encryption', () => {
  it('round-trips any text and never shows it in the ciphertext', () => {
    const ring = parseKeyRing(`k1:${key()}`);
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (text) => {
        const c = encrypt(text, ring);
        expect(decrypt(c, ring)).toBe(text);
        expect(c.includes(text)).toBe(false);
      }),
    );
  });

  it('rotates keys: old ciphertexts still decrypt, new ones use the new key', () => {
    const oldKey = key();
    const before = parseKeyRing(`k1:${oldKey}`);
    const old = encrypt('王小明 13812345678', before);
    const after = parseKeyRing(`k2:${key()},k1:${oldKey}`);
    expect(decrypt(old, after)).toBe('王小明 13812345678');
    const fresh = encrypt('王小明 13812345678', after);
    expect(keyIdOf(fresh)).toBe('k2');
    expect(() => decrypt(fresh, before)).toThrow(/k2/);
  });

  it('detects tampering', () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const [id, iv, tag, data] = encrypt('secret', ring).split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => decrypt([id, iv, tag, flipped.toString('base64url')].join('.'), ring)).toThrow();
  });

  it('refuses keys of the wrong size', () => {
    expect(() => parseKeyRing(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
  });
});

describe('masking', () => {
  it('masks names, phones and ID numbers', () => {
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('330205199001011234')).toBe('3302**********1234');
  });
});
