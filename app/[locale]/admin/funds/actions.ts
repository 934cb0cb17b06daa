'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { allocateToProject, allocationSchema } from '@/lib/ledger/allocate';
import { appErrorState, formValues, fieldErrors, type FormState } from '../../_lib/form-state';
import { isAppError } from '@/lib/errors';

export async function allocateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = allocationSchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    await allocateToProject(getDb(), await getActor(), parsed.data);
  } catch (e) {
    if (isAppError(e, 'insufficient_funds')) return { ok: false, values, errors: { amount: 'insufficient_funds' } };
    return appErrorState(e, values);
  }
  revalidatePath('/admin/funds');
  revalidatePath('/transparency');
  return { ok: true, values: {}, errors: {}, message: 'allocated' };
}
