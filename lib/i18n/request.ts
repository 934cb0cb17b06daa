import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { localeCookie, timeZone, toLocale } from './locales';
import en from './messages/en.json';
import zh from './messages/zh-CN.json';

const catalogs = { 'zh-CN': zh, en };

// Locale lives in a cookie rather than the URL: links and tracking codes read the same in both languages.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(localeCookie)?.value);
  return { locale, messages: catalogs[locale], timeZone, now: new Date() };
});
