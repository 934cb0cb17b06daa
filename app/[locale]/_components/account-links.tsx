'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { homeFor, type Role } from '@/lib/auth/permissions';
import { rememberSignedIn } from './account-hint';

type Labels = { login: string; logout: string } & Record<Role, string>;
type SignedIn = { role: Role };

/**
 * The header's account corner. Pages the same for every visitor are cached, so who is signed in is
 * asked for in the browser after each page change (signing in or out moves to another page); without
 * JavaScript the sign-in link always shows. A browser that was signed in keeps the link's place empty until
 * the answer comes (account-hint.ts), rather than offering to sign in.
 */
export function AccountLinks({ labels }: { labels: Labels }) {
  const pathname = usePathname();
  const [me, setMe] = useState<SignedIn | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const session = await fetch('/api/auth/session').then((r) => r.json());
      if (!session?.role || !(session.role in homeFor)) {
        rememberSignedIn(false);
        if (live) setMe(null);
        return;
      }
      rememberSignedIn(true);
      if (live) setMe({ role: session.role });
    })().catch(() => {});
    return () => {
      live = false;
    };
  }, [pathname]);

  if (!me) {
    return (
      <Link href="/login" className="account-login btn-secondary min-h-11 px-4 text-sm">
        {labels.login}
      </Link>
    );
  }
  /**
   * next-auth answers a sign-out with a redirect to its configured address (NEXTAUTH_URL): a browser on another
   * address of the same site (127.0.0.1 for localhost) refuses to follow it (CSP form-action 'self') and stays signed
   * in on the page. Asked for JSON, next-auth only signs out; the browser then goes home on the address it is on. The
   * token is fetched afresh (one from before a sign-in in another tab is refused, answered with its own sign-out page).
   */
  const signOut = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    try {
      const { csrfToken } = await fetch('/api/auth/csrf').then((r) => r.json());
      const body = new URLSearchParams({ csrfToken, callbackUrl: '/', json: 'true' });
      const { url } = await fetch('/api/auth/signout', { method: 'POST', body }).then((r) => r.json());
      if (new URL(url, window.location.href).searchParams.has('csrf')) throw new Error('token refused');
    } catch {
      return form.submit(); // next-auth's own sign-out page, with its button
    }
    rememberSignedIn(false);
    window.location.assign('/');
  };
  return (
    <>
      <Link prefetch={false} href={homeFor[me.role]} className="btn-quiet min-h-11 px-3 text-sm">
        {labels[me.role]}
      </Link>
      {/* Should the request below fail, the form is sent as it is: next-auth then offers its own sign-out page. */}
      <form action="/api/auth/signout" method="post" onSubmit={signOut}>
        <input type="hidden" name="callbackUrl" value="/" />
        <button type="submit" className="btn-quiet min-h-11 px-3 text-sm">
          {labels.logout}
        </button>
      </form>
    </>
  );
}
