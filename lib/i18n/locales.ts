export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';
export const localeCookie = 'NEXT_LOCALE';
export const localeCookieOptions = { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' } as const;
export const timeZone = 'Asia/Shanghai';

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

export function toLocale(value: string | undefined): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/**
 * The language of a text people typed (a payment's purpose), for its `lang` on a page in another: Chinese when it
 * holds Chinese characters, so an English screen reader does not read it as English. Undefined: the page's own.
 */
export function langOfTyped(text: string, pageLocale: string): Locale | undefined {
  return pageLocale === 'en' && /\p{Script=Han}/u.test(text) ? 'zh-CN' : undefined;
}
