import { getServerSession } from 'next-auth';
import type { Actor } from './actor';
import { authOptions } from './options';
import type { Role } from './permissions';

export type SessionUser = { userId: string; role: Role; name: string };

/**
 * The signed-in user as the session token says. Good for choosing what to show; anything that moves
 * money or reads personal data re-checks the user in the database through `authorize`.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions())) as
    | { userId?: string; role?: Role; user?: { name?: string | null } }
    | null;
  if (!session?.userId || !session.role) return null;
  return { userId: session.userId, role: session.role, name: session.user?.name ?? '' };
}

export async function getActor(): Promise<Actor> {
  const user = await getSessionUser();
  return user ? { userId: user.userId } : null;
}
