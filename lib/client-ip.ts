import { env } from './env';

/**
 * The caller's address, used only as a throttling key. Every proxy in front of the app appends the address it
 * was called from to X-Forwarded-For (Next.js fills in the socket's address when nothing did), so only the last
 * TRUSTED_PROXY_HOPS entries were written by machines we run: the entry at that depth is the caller as our
 * outermost proxy saw it. Anything further left came from the caller and may be made up.
 */
export function clientIp(forwardedFor: string | null | undefined, realIp?: string | null, hops = env().TRUSTED_PROXY_HOPS): string {
  const chain = (forwardedFor ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return chain[Math.max(chain.length - hops, 0)] ?? (realIp?.trim() || 'unknown');
}
