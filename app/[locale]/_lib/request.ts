import { headers } from 'next/headers';
import { clientIp as fromHeaders } from '@/lib/client-ip';

/** The caller's address, as our proxy (or Next.js itself) reports it; used only as a throttling key. */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return fromHeaders(h.get('x-forwarded-for'), h.get('x-real-ip'));
}
