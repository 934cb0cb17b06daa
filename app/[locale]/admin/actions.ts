'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { createStaffAccount, setUserAreas, setUserDisabled, setUserRole, staffSchema } from '@/lib/auth/accounts';
import { roles, type Role } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { appErrorState, formValues, fieldErrors, type FormState } from '../_lib/form-state';

export async function createStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Ticked sub-districts travel back as one comma-separated value, so an answer with errors keeps them ticked.
  const values = { ...formValues(formData, ['password']), areaIds: formData.getAll('areaIds').join(',') };
  const parsed = staffSchema.safeParse({ ...Object.fromEntries(formData), areaIds: formData.getAll('areaIds') });
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    await createStaffAccount(getDb(), await getActor(), parsed.data);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/admin');
  return { ok: true, values: {}, errors: {}, message: 'created' };
}

export async function setRoleAction(formData: FormData) {
  const role = String(formData.get('role'));
  if (!roles.includes(role as Role)) return;
  await setUserRole(getDb(), await getActor(), String(formData.get('userId')), role as Role);
  revalidatePath('/admin');
}

export async function setDisabledAction(formData: FormData) {
  await setUserDisabled(getDb(), await getActor(), String(formData.get('userId')), formData.get('disabled') === '1');
  revalidatePath('/admin');
}

export async function setAreasAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const areaIds = formData.getAll('areaIds').map(String);
  const values = { areaIds: areaIds.join(',') };
  try {
    await setUserAreas(getDb(), await getActor(), String(formData.get('userId')), areaIds);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/admin');
  return { ok: true, values, errors: {}, message: 'areasSaved' };
}
