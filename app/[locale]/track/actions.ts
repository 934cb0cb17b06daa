'use server';

import { getDb } from '@/db/client';
import { isAppError } from '@/lib/errors';
import { addResidentMessage, messageSchema, proofSchema, rateNeed, ratingSchema, trackNeed, viewProvenNeed, withdrawNeed, withdrawSchema } from '@/lib/needs/tracking';
import { formValues, fieldErrors, type FormState } from '../_lib/form-state';
import { clientIp } from '../_lib/request';

/**
 * One action for the resident's page: look up, leave a message, withdraw or rate. Each carries the
 * tracking code and last four digits as proof, so nothing about the case ever goes into a URL.
 */
export async function trackAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const proof = proofSchema.safeParse(values);
  if (!proof.success) return { ok: false, values, errors: fieldErrors(proof.error) };
  const db = getDb();
  const ip = await clientIp();
  let message: string | undefined;
  try {
    let proven: Parameters<typeof viewProvenNeed>[1] | undefined;
    switch (values.intent) {
      case 'message': {
        const parsed = messageSchema.safeParse(values);
        if (!parsed.success) return { ok: true, values, errors: fieldErrors(parsed.error), data: await trackNeed(db, proof.data, ip) };
        proven = await addResidentMessage(db, proof.data, parsed.data.message, ip);
        message = 'sent';
        break;
      }
      case 'withdraw': {
        const parsed = withdrawSchema.safeParse(values);
        if (!parsed.success) return { ok: true, values, errors: fieldErrors(parsed.error), data: await trackNeed(db, proof.data, ip) };
        proven = await withdrawNeed(db, proof.data, parsed.data.reason, ip);
        message = 'withdrawn';
        break;
      }
      case 'rate': {
        const parsed = ratingSchema.safeParse(values);
        if (!parsed.success) return { ok: true, values, errors: fieldErrors(parsed.error), data: await trackNeed(db, proof.data, ip) };
        proven = await rateNeed(db, proof.data, parsed.data.rating, parsed.data.comment, ip);
        message = 'rated';
        break;
      }
    }
    // One proof per action: the view after it reuses the need already proven.
    const data = proven ? await viewProvenNeed(db, proven) : await trackNeed(db, proof.data, ip);
    return { ok: true, values: { code: proof.data.code, last4: proof.data.last4 }, errors: {}, message, data };
  } catch (e) {
    if (isAppError(e, 'not_found')) return { ok: false, values, errors: {}, message: 'notFound' };
    if (isAppError(e, 'throttled')) return { ok: false, values, errors: {}, message: 'throttled' };
    if (isAppError(e, 'conflict')) return { ok: false, values, errors: {}, message: 'conflict' };
    throw e;
  }
}
