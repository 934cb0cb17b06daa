import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';

/** Where sign-in lands: each role goes to its own home. */
export default async function WelcomePage() {
  const user = await getSessionUser();
  redirect(user ? homeFor[user.role] : '/login');
}
