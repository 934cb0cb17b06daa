import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';

/** Whether the request carries a valid sign-in (for proxy.ts's redirect to sign in; not an authorization check). */
export async function hasSignIn(req: NextRequest): Promise<boolean> {
  return Boolean(await getToken({ req, secret: env().AUTH_SECRET }));
}
