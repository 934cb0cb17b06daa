'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { calendarDaySchema, removeCalendarDay, setCalendarDay } from '@/lib/needs/calendar';
import { appErrorState, formValues, fieldErrors, type FormState } from '../../_lib/form-state';

export async function setCalendarDayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = calendarDaySchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  try {
    await setCalendarDay(getDb(), await getActor(), parsed.data);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/admin/calendar');
  return { ok: true, values: {}, errors: {}, message: 'calendarSaved' };
}

export async function removeCalendarDayAction(formData: FormData) {
  try {
    await removeCalendarDay(getDb(), await getActor(), String(formData.get('day') ?? ''));
  } catch (e) {
    // Removed already (the same button pressed twice): the page shows the calendar as it is.
    if (!isAppError(e, 'not_found')) throw e;
  }
  revalidatePath('/admin/calendar');
  redirect('/admin/calendar');
}
