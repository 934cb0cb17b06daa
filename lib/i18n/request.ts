import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { loadCatalog } from './catalog';
import { localeCookie, timeZone, toLocale } from './locales';

// Locale lives in a cookie rather than the URL: links and tracking codes read the same in both languages.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(localeCookie)?.value);
  return { locale, messages: loadCatalog(locale), timeZone, now: new Date() };
});
