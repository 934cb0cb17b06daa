import { withAuth } from 'next-auth/middleware';

/**
 * A convenience only: sends signed-out visitors of staff and donor pages to sign in before rendering.
 * The real checks happen in lib/ where the data is touched.
 */
export default withAuth({ pages: { signIn: '/login' } });

export const config = { matcher: ['/workspace/:path*', '/admin/:path*', '/me/:path*'] };
