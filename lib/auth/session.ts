import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { env } from '@/lib/env';
import { requestActor, type Actor } from './actor';
import type { Role } from './permissions';

export type SessionUser = { userId: string; role: Role; name: string };

/**
 * The signed-in user as the session token says. Good for choosing what to show; anything that moves
 * money or reads personal data re-checks the user in the database through `authorize`.
 *
 * The token is only read here (checked and decrypted, as next-auth's own getToken does): pages cannot set
 * cookies, so next-auth's getServerSession would re-sign a token only to throw it away. The browser's own
 * session check (/api/auth/session) is what extends a sign-in.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const req = { cookies: await cookies(), headers: await headers() };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]['req'], secret: env().AUTH_SECRET });
  if (!token?.uid || !token.role) return null;
  return { userId: String(token.uid), role: token.role as Role, name: token.name ?? '' };
});

/** One actor per request (React's cache is per request): its database check is made once. */
export const getActor = cache(async (): Promise<Actor> => {
  const user = await getSessionUser();
  return user ? requestActor(user.userId) : null;
});
