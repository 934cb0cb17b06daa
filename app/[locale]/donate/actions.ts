'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { donationFormSchema } from '@/lib/donations/input';
import { startDonation } from '@/lib/donations/start';
import { env } from '@/lib/env';
import { activeProvider } from '@/lib/payments';
import { appErrorState, formValues, fieldErrors, type FormState } from '../_lib/form-state';

export async function startDonationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const e = env();
  const parsed = donationFormSchema({ minFen: e.DONATION_MIN_FEN, maxFen: e.DONATION_MAX_FEN }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  let redirectUrl: string;
  try {
    const baseUrl = e.PUBLIC_BASE_URL ?? e.NEXTAUTH_URL ?? 'http://localhost:3000';
    ({ redirectUrl } = await startDonation(getDb(), await getActor(), parsed.data, { provider: activeProvider(), baseUrl }));
  } catch (error) {
    return appErrorState(error, values);
  }
  redirect(redirectUrl);
}
