import { noonOf } from '@/lib/needs/sla';
import { timeZone, type Locale } from './locales';

const made = new Map<string, Intl.DateTimeFormat>();

/**
 * Dates in the programme's time zone, in the reader's language. A formatter costs a fraction of a millisecond to
 * make, as much as a page's own work: one per language and style, kept for the life of the process.
 */
export function dateFormat(locale: Locale | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = made.get(key);
  if (!format) made.set(key, (format = new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-CN', { timeZone, ...options })));
  return format;
}

/** A calendar date (YYYY-MM-DD: a service, a reporting period) written as every other date on the page is. */
export function formatDay(locale: Locale | string, day: string): string {
  return dateFormat(locale).format(noonOf(day));
}
