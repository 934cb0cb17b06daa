import { authRouteHandler } from '@/lib/auth/route';

export const dynamic = 'force-dynamic';
export { authRouteHandler as GET, authRouteHandler as POST };
