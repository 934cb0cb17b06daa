import { cookies } from 'next/headers';

/**
 * next-auth's CSRF token, read from its own cookie ("token|hash"), so sign-out can be a plain HTML form:
 * it works without JavaScript and keeps next-auth's client library off every page.
 */
export async function csrfToken(): Promise<string | null> {
  const store = await cookies();
  const raw = store.get('__Host-next-auth.csrf-token')?.value ?? store.get('next-auth.csrf-token')?.value;
  return raw ? decodeURIComponent(raw).split('|')[0] : null;
}
