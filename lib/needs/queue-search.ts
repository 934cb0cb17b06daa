import { normalizeTrackingCode } from './code';
import { normalizePhone, phonePattern } from './phone';

/**
 * What was typed into the queue's search: a whole phone number (its digits), a tracking code or words (searched as
 * typed), or a run of six or more digits that is neither — part of a number, an ID number — which cannot be searched
 * (it is stored encrypted). Read as typed on a phone: full-width digits, dots or brackets between the groups. Pure:
 * the server decides with it, and the browser uses it to say so before the form is sent (what was typed stays).
 */
export function readQueueSearch(typed: string): { kind: 'phone'; phone: string } | { kind: 'number' } | { kind: 'text' } {
  const plain = typed.normalize('NFKC').replace(/[\s.()\-]/g, '');
  const phone = normalizePhone(plain);
  if (phonePattern.test(phone)) return { kind: 'phone', phone };
  if (!normalizeTrackingCode(typed) && /\d{6,}/.test(plain)) return { kind: 'number' };
  return { kind: 'text' };
}
