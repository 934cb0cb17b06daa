import { createTranslator } from 'next-intl';
import { loadCatalog } from './catalog';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Words written into case histories: in Chinese, the programme's working language, from the catalogs. */
export function historyWords(): Translate {
  const t = createTranslator({ locale: 'zh-CN', messages: loadCatalog('zh-CN') as never });
  return (key, values) => (t as unknown as Translate)(key, values);
}
