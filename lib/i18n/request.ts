import { getRequestConfig } from 'next-intl/server';
import { loadCatalog } from './catalog';
import { timeZone, toLocale } from './locales';

// The locale comes from the [locale] segment: set by setRequestLocale in cached pages, or read from the
// header proxy.ts sets when it rewrites the request from the NEXT_LOCALE cookie.
export default getRequestConfig(async ({ requestLocale }) => {
  const locale = toLocale(await requestLocale);
  return { locale, messages: loadCatalog(locale), timeZone, now: new Date() };
});
