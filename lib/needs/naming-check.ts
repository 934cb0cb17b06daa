import type { Db } from '@/db/client';
import { piiAccessLog } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { decryptJson } from '@/lib/privacy/crypto';
import { namesSomeone } from '@/lib/privacy/public-text';
import type { NeedPii } from './pii';

/**
 * A text published about a payment for a need (its purpose, a correction's note) must not name the person it is for:
 * checked against their record, which is read — and logged, with why — for that alone. Refused at `field`.
 */
export async function refuseNamingThePerson(
  db: Db,
  actorId: string,
  need: { id: string; piiCiphertext: string | null },
  text: string,
  check: { why: string; field: string },
): Promise<void> {
  if (!need.piiCiphertext) return;
  const pii = decryptJson<NeedPii>(need.piiCiphertext);
  await db.insert(piiAccessLog).values({ needId: need.id, actorId, purpose: check.why });
  if (namesSomeone(text, [pii.name, pii.submitterName, pii.guardianName])) {
    throw new AppError('invalid_input', `${check.field} names the person`, { [check.field]: 'names_someone' });
  }
}
