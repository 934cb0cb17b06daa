import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { authorize, type AuthorizedUser } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';

/** For pages: sends a visitor to sign in, and shows 403 to a signed-in user without the permission. */
export async function requirePermission(permission: Permission, from: string): Promise<AuthorizedUser> {
  const actor = await getActor();
  try {
    return await authorize(getDb(), actor, permission);
  } catch (e) {
    if (isAppError(e, 'unauthenticated')) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
    if (isAppError(e, 'forbidden')) forbidden();
    throw e;
  }
}
