import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { can, type Permission, type Role } from './permissions';

/** Who is asking, as the session says. Null for an anonymous visitor. */
export type Actor = { userId: string } | null;

export type AuthorizedUser = { id: string; role: Role; name: string };

type UserRow = { id: string; role: Role; name: string; disabledAt: Date | null };
const perRequest = new WeakMap<object, Promise<UserRow | undefined>>();
const requestScoped = new WeakSet<object>();

/**
 * The actor of one request (the app makes one per request): every check during that request reads the
 * user once, rather than once per call. Any other actor is read fresh on every call.
 */
export function requestActor(userId: string): Actor {
  const actor = { userId };
  requestScoped.add(actor);
  return actor;
}

/**
 * Loads the user fresh from the database (once per request) and checks the permission. Because it never
 * trusts the role in the session token, a change of role or a disabled account takes effect on the very
 * next request.
 */
export async function authorize(db: Db, actor: Actor, permission: Permission): Promise<AuthorizedUser> {
  if (!actor) throw new AppError('unauthenticated');
  let loading = perRequest.get(actor);
  if (!loading) {
    loading = db
      .select({ id: users.id, role: users.role, name: users.name, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, actor.userId))
      .then((rows) => rows[0]);
    if (requestScoped.has(actor)) perRequest.set(actor, loading);
  }
  const user = await loading;
  if (!user || user.disabledAt) throw new AppError('unauthenticated');
  if (!can(user.role, permission)) throw new AppError('forbidden', `${user.role} may not ${permission}`);
  return { id: user.id, role: user.role, name: user.name };
}
