/** Money is integer fen (分) everywhere; these are the only conversions to and from yuan text. */
export type Fen = number;

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer amount of fen: ${value}`);
  return value;
}

/** Parses what a person typed as yuan ("100", "99.5", "1,000.00") into fen; null when it is not money. */
export function parseYuan(text: string): Fen | null {
  // As people type it: full-width digits (a Chinese input method), ¥ before or 元 after, thousands separated.
  const cleaned = text.normalize('NFKC').trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, frac = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

const formatters = new Map<string, Intl.NumberFormat>();

/** ¥1,234.50 — whole yuan shown without decimals unless `exact`. */
export function formatFen(fen: Fen, opts: { exact?: boolean } = {}): string {
  const exact = opts.exact || fen % 100 !== 0;
  const key = exact ? 'exact' : 'whole';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', {
      style: 'currency',
      currency: 'CNY',
      minimumFractionDigits: exact ? 2 : 0,
      maximumFractionDigits: exact ? 2 : 0,
    });
    formatters.set(key, f);
  }
  return f.format(fen / 100);
}

export function sumFen(values: Fen[]): Fen {
  return values.reduce((a, b) => a + b, 0);
}
