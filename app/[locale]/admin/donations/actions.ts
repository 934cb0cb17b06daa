'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { refundSchema, requestRefund } from '@/lib/donations/admin-refund';
import { parseYuan } from '@/lib/money';
import { appErrorState, formValues, fieldErrors, type FormState } from '../../_lib/form-state';

export async function refundDonationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = refundSchema.safeParse({ donationId: values.donationId, amountFen: parseYuan(values.amount ?? '') ?? undefined, intent: values.intent, reason: values.reason ?? '' });
  if (!parsed.success) {
    const { reason, donationId } = fieldErrors(parsed.error);
    const amountBad = parsed.error.issues.some((i) => i.path[0] !== 'reason');
    return { ok: false, values, errors: { ...(amountBad ? { amount: donationId ?? 'refund_amount_invalid' } : {}), ...(reason ? { reason } : {}) } };
  }
  try {
    await requestRefund(getDb(), await getActor(), parsed.data);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/admin/donations');
  return { ok: true, values: {}, errors: {}, message: 'refunded' };
}
