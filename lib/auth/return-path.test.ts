import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path';

describe('the page to return to after signing in', () => {
  it('keeps a path on this site, with its query', () => {
    expect(returnPath('/workspace?assignee=me')).toBe('/workspace?assignee=me');
    expect(returnPath('/me')).toBe('/me');
  });

  it.each(['//evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\tevil', '\n/evil', undefined, ''])(
    'refuses %j',
    (candidate) => expect(returnPath(candidate)).toBe('/welcome'),
  );

  // Dot segments resolve away and leave `//host`, which a browser reads as another site.
  it.each(['/.//evil.example', '/a/..//evil.example/x', '/%2e//evil.example', '/..//evil.example'])('refuses %j, which resolves to //host', (candidate) =>
    expect(returnPath(candidate)).toBe('/welcome'),
  );

  it('never leads off the site, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const target = new URL(returnPath(s), 'https://aizaijiangbei.example');
        expect(target.origin).toBe('https://aizaijiangbei.example');
      }),
    );
  });
});
