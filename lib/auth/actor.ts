import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { can, type Permission, type Role } from './permissions';

/** Who is asking, as the session says. Null for an anonymous visitor. */
export type Actor = { userId: string } | null;

export type AuthorizedUser = { id: string; role: Role; name: string };

/**
 * Loads the user fresh from the database and checks the permission. Because it never trusts the role in
 * the session token, a change of role or a disabled account takes effect on the very next call.
 */
export async function authorize(db: Db, actor: Actor, permission: Permission): Promise<AuthorizedUser> {
  if (!actor) throw new AppError('unauthenticated');
  const [user] = await db
    .select({ id: users.id, role: users.role, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user || user.disabledAt) throw new AppError('unauthenticated');
  if (!can(user.role, permission)) throw new AppError('forbidden', `${user.role} may not ${permission}`);
  return { id: user.id, role: user.role, name: user.name };
}
