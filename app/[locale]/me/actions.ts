'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { cancelOwnPlan } from '@/lib/donations/plans';

export async function cancelPlanAction(formData: FormData) {
  await cancelOwnPlan(getDb(), await getActor(), String(formData.get('planId') ?? ''));
  revalidatePath('/me');
  redirect('/me?planCancelled=1');
}
