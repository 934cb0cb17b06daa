'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { decideDisbursement, decisionSchema, disbursementRequestSchema, requestDisbursement } from '@/lib/disbursements/disbursements';
import { reverseDisbursement, reversalSchema } from '@/lib/disbursements/reverse';
import { isAppError } from '@/lib/errors';
import { appErrorState, formValues, fieldErrors, type FormState } from '../../_lib/form-state';

export async function requestPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const files = formData.getAll('evidence').filter((f): f is File => f instanceof File && f.size > 0);
  // How many files came, so a refusal for another field asks for them again, or says none were attached.
  const values = { ...formValues(formData), evidenceCount: String(files.length) };
  const parsed = disbursementRequestSchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, content: new Uint8Array(await f.arrayBuffer()) })));
    await requestDisbursement(getDb(), await getActor(), parsed.data, uploads);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/workspace/payments');
  return { ok: true, values: {}, errors: {}, message: 'submitted' };
}

export async function decidePaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = decisionSchema.extend({ id: z.string().uuid('not_found') }).safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    await decideDisbursement(getDb(), await getActor(), parsed.data.id, parsed.data);
  } catch (e) {
    if (isAppError(e, 'insufficient_funds')) return { ok: false, values, errors: { reason: 'insufficient_funds' } };
    if (isAppError(e, 'conflict')) return { ok: false, values, errors: {}, message: 'conflict' };
    return appErrorState(e, values);
  }
  revalidatePath('/workspace/payments');
  revalidatePath('/transparency');
  return { ok: true, values: {}, errors: {}, message: 'done' };
}

export async function reversePaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = reversalSchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    await reverseDisbursement(getDb(), await getActor(), parsed.data);
  } catch (e) {
    if (isAppError(e, 'conflict') || isAppError(e, 'not_found')) return { ok: false, values, errors: {}, message: 'conflict' };
    return appErrorState(e, values);
  }
  revalidatePath('/workspace/payments');
  revalidatePath('/transparency');
  return { ok: true, values: {}, errors: {}, message: 'reversed' };
}
