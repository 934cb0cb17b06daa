import { csrfToken } from '@/lib/auth/csrf';

/** Signing out is a form post to next-auth, so it needs no JavaScript. */
export async function SignOutButton({ label }: { label: string }) {
  const token = await csrfToken();
  return (
    <form action="/api/auth/signout" method="post">
      <input type="hidden" name="csrfToken" value={token ?? ''} />
      <input type="hidden" name="callbackUrl" value="/" />
      <button type="submit" className="btn-quiet min-h-11 px-3 text-sm">
        {label}
      </button>
    </form>
  );
}
