import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import zh from './messages/zh-CN.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('message catalogs', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('have no empty strings', () => {
    const flat = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? flat(v) : [v]));
    expect(flat(zh).filter((s) => !String(s).trim())).toEqual([]);
    expect(flat(en).filter((s) => !String(s).trim())).toEqual([]);
  });
});
