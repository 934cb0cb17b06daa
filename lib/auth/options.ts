import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/client-ip';
import { env } from '@/lib/env';
import { checkCredentials } from './accounts';
import type { Role } from './permissions';


/** next-auth (4.x) configuration; nothing outside lib/auth imports next-auth. */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { login: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const result = await checkCredentials(
            getDb(),
            credentials?.login ?? '',
            credentials?.password ?? '',
            clientIp(req?.headers?.['x-forwarded-for'], req?.headers?.['x-real-ip']),
          );
          // The reason travels back to the sign-in form as the error code.
          if (!result.ok) throw new Error(result.reason);
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = (user as unknown as { role: Role }).role;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.uid as string, role: token.role as Role };
      },
    },
  };
}
