'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { localeCookie, localeCookieOptions, toLocale } from '@/lib/i18n/locales';

/**
 * Remembers the language and goes back to the page the person was on: its URL is the same in both
 * languages, and it must be requested again so it is rendered (or served from cache) in the new one.
 */
export async function setLocale(formData: FormData) {
  const locale = toLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(localeCookie, locale, localeCookieOptions);
  redirect(samePageOrHome(await headers()));
}

function samePageOrHome(h: Headers): string {
  try {
    const page = new URL(h.get('referer') ?? '');
    return page.host === h.get('host') ? `${page.pathname}${page.search}` : '/';
  } catch {
    return '/';
  }
}
