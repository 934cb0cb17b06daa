import NextAuth from 'next-auth';
import { authOptions } from './options';

/** The /api/auth/* route handler. Built per request so the environment is read at run time, not build time. */
export function authRouteHandler(req: Request, ctx: unknown) {
  return NextAuth(authOptions())(req, ctx);
}
