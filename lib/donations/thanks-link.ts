import { timingSafeEqual } from 'node:crypto';
import { lookupHash } from '@/lib/privacy/crypto';

/**
 * Donation ids are public (the open-data journal lists them), so the id alone must not open a thank-you page
 * that shows the certificate. The address the donor is sent back to carries a keyed hash of the id as `t`;
 * only with it (or signed in as the donor) does the page show the certificate number and its code.
 */
export function thanksToken(id: string): string {
  return lookupHash(`thanks:${id}`);
}

export function thanksPath(kind: 'donation' | 'plan', id: string): string {
  return `/donate/thanks/${kind === 'plan' ? 'plan/' : ''}${id}?t=${thanksToken(id)}`;
}

export function thanksTokenMatches(id: string, token: string | null | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(thanksToken(id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
