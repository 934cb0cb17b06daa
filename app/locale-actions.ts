'use server';

import { cookies } from 'next/headers';
import { localeCookie, toLocale } from '@/lib/i18n/locales';

export async function setLocale(formData: FormData) {
  const locale = toLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(localeCookie, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
}
