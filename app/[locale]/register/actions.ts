'use server';

import { getDb } from '@/db/client';
import { registerDonor, registerSchema } from '@/lib/auth/accounts';
import { appErrorState, formValues, fieldErrors, type FormState } from '../_lib/form-state';
import { clientIp } from '../_lib/request';

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ['password']);
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    await registerDonor(getDb(), parsed.data, await clientIp());
  } catch (e) {
    return appErrorState(e, values);
  }
  return { ok: true, values, errors: {} };
}
