import { setRequestLocale } from 'next-intl/server';
import { toLocale, type Locale } from '@/lib/i18n/locales';

/**
 * Exported by each cached page: none is rendered at build time (they read the database); each is
 * rendered on its first visit per locale, then served from the cache until a public change. Pages
 * without it are rendered per request.
 */
export function generateStaticParams() {
  return [];
}

export type LocaleParams = { params: Promise<{ locale: string }> };

/**
 * Called first by every page that is the same for every visitor: it takes the locale from the URL segment
 * instead of the request, which lets Next.js cache the page (per locale) until a public change.
 */
export async function cachedPageLocale(params: LocaleParams['params']): Promise<Locale> {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  return locale;
}
