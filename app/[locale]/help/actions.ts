'use server';

import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { submitNeed } from '@/lib/needs/intake';
import { intakeFromForm, needIntakeSchema } from '@/lib/needs/intake-schema';
import { appErrorState, formValues, fieldErrors, type FormState } from '../_lib/form-state';
import { clientIp } from '../_lib/request';

function valuesOf(formData: FormData) {
  return { ...formValues(formData), populations: formData.getAll('populations').join(',') };
}

export async function submitNeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const parsed = needIntakeSchema.safeParse(intakeFromForm(formData));
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    const { code } = await submitNeed(getDb(), parsed.data, { ip: await clientIp() });
    return { ok: true, values: {}, errors: {}, message: code };
  } catch (e) {
    return appErrorState(e, values);
  }
}

/** Staff entering a need taken by phone or on paper. */
export async function enterNeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const parsed = needIntakeSchema.safeParse(intakeFromForm(formData));
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  const channel = formData.get('channel') === 'paper' ? 'paper' : 'phone';
  try {
    const { code, needId, openable } = await submitNeed(getDb(), parsed.data, { ip: await clientIp(), channel, actor: await getActor() });
    // Only a case the worker may open is offered to them (one for another sub-district goes to its workers).
    return { ok: true, values: {}, errors: {}, message: code, data: openable ? needId : undefined };
  } catch (e) {
    return appErrorState(e, values);
  }
}
