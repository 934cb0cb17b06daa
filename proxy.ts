import { NextResponse, type NextRequest } from 'next/server';
import { hasSessionCookie } from '@/lib/auth/session-cookie';
import { isLocale, localeCookie, localeCookieOptions, toLocale } from '@/lib/i18n/locales';

const signedInOnly = /^\/(workspace|admin|me)(\/|$)/;

/**
 * Every page request is rewritten to /<locale>/<path> from the NEXT_LOCALE cookie, so the URL a person
 * sees (and shares) is the same in both languages while each locale's public pages are cached apart.
 * Visitors of staff and donor pages without a session cookie are sent to sign in first; that is a convenience only,
 * the real checks happen in lib/ where the data is touched.
 */
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const first = pathname.split('/')[1];
  if (isLocale(first)) {
    // /en/x is how a link in a given language is shared: it remembers the language and shows /x.
    const res = NextResponse.redirect(new URL(`${pathname.slice(first.length + 1) || '/'}${search}`, req.url));
    res.cookies.set(localeCookie, first, localeCookieOptions);
    return res;
  }

  // A form sent from an open page (a server action) is let through: its action refuses it without a session and the
  // form keeps what was typed, where a redirect would lose it all to an error page.
  const serverAction = req.method === 'POST' && req.headers.has('next-action');
  if (signedInOnly.test(pathname) && !hasSessionCookie(req) && !serverAction) {
    const login = new URL('/login', req.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const locale = toLocale(req.cookies.get(localeCookie)?.value);
  const headers = new Headers(req.headers);
  headers.set('X-NEXT-INTL-LOCALE', locale);
  return NextResponse.rewrite(new URL(`/${locale}${pathname === '/' ? '' : pathname}${search}`, req.url), { request: { headers } });
}

// Not for API routes, Next's own files, or files with an extension (open data, icons).
export const config = { matcher: ['/((?!api/|_next/|.*\\.[a-z0-9]+$).*)'] };
