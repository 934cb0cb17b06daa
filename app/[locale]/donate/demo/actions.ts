'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { cancelDemoCheckout, completeDemoCheckout } from '@/lib/donations/demo-checkout';

// No sign-in needed, as on a real processor's page: the unguessable session id is what lets one confirm.
export async function confirmDemoPaymentAction(formData: FormData) {
  redirect(await completeDemoCheckout(getDb(), String(formData.get('session') ?? '')));
}

export async function cancelDemoPaymentAction(formData: FormData) {
  redirect(await cancelDemoCheckout(getDb(), String(formData.get('session') ?? '')));
}
