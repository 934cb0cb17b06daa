import { describe, expect, it } from 'vitest';
import { loadCatalog } from './catalog';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? values(v) : [String(v)]));

describe('message catalogs', () => {
  const zh = loadCatalog('zh-CN');
  const en = loadCatalog('en');

  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('have no empty strings', () => {
    expect(values(zh).filter((s) => !s.trim())).toEqual([]);
    expect(values(en).filter((s) => !s.trim())).toEqual([]);
  });

  it('have Chinese text in the Chinese catalog', () => {
    const han = /\p{Script=Han}/u;
    expect(values(zh).filter((s) => han.test(s)).length / values(zh).length).toBeGreaterThan(0.8);
  });
});
