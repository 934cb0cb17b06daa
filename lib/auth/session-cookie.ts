import type { NextRequest } from 'next/server';

/**
 * Whether the request carries a session cookie at all (next-auth's name, its https name, or a chunk of either).
 * For proxy.ts's early redirect to sign in only: reading the token is left to the page, which checks it anyway,
 * so a signed-in request is not decrypted twice. An expired or forged cookie is sent to sign in by the page.
 */
export function hasSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name));
}
