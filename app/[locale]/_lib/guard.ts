import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { authorize, type Actor, type AuthorizedUser } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';

/**
 * For pages: sends a visitor to sign in, and shows 403 to a signed-in user without the permission. Returns
 * the user and the request's actor, to pass on to lib/ (whose own checks then reuse this request's read).
 */
export async function requirePermission(permission: Permission, from: string): Promise<AuthorizedUser & { actor: Actor }> {
  const actor = await getActor();
  try {
    return { ...(await authorize(getDb(), actor, permission)), actor };
  } catch (e) {
    if (isAppError(e, 'unauthenticated')) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
    if (isAppError(e, 'forbidden')) forbidden();
    throw e;
  }
}
