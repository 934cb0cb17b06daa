import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    const csv = toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null], ['中文', 'plain']]);
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n中文,plain\r\n');
  });

  it('never lets a text cell start a formula, and leaves numbers alone', () => {
    const cells = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok-=+@'];
    const [, row] = toCsv(['h'], [cells]).slice(1).split('\r\n');
    expect(row).toBe(`'=1+1,'+1,'-1,'@SUM(A1),'\tx,"'\rx",ok-=+@`);
    expect(toCsv(['n'], [[-12.5], [0], [3]])).toBe('\uFEFFn\r\n-12.5\r\n0\r\n3\r\n');
    expect(toCsv(['f'], [['=HYPERLINK("http://x")']])).toBe(`\uFEFFf\r\n"'=HYPERLINK(""http://x"")"\r\n`);
  });
});
