import { headers } from 'next/headers';

/** The caller's address, as the reverse proxy (or Next.js itself) reports it; used only as a throttling key. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0].trim() || h.get('x-real-ip') || 'unknown';
}
