import { createTranslator } from 'next-intl';
import { loadCatalog } from './catalog';
import type { Locale } from './locales';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The catalogs' words outside a page (full keys, `namespace.key`). */
export function wordsIn(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: loadCatalog(locale) as never });
  return (key, values) => (t as unknown as Translate)(key, values);
}

/** Words written into case histories: in Chinese, the programme's working language, from the catalogs. */
export function historyWords(): Translate {
  return wordsIn('zh-CN');
}
