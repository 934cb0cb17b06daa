'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { receiptNumberSchema, recordReceiptNumber } from '@/lib/donations/receipts';
import { appErrorState, formValues, fieldErrors, type FormState } from '../../_lib/form-state';

export async function recordReceiptAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = receiptNumberSchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    await recordReceiptNumber(getDb(), await getActor(), parsed.data);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/admin/receipts');
  return { ok: true, values: {}, errors: {}, message: 'saved' };
}
