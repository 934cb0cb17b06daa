'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { purgeClosedCasePii } from '@/lib/needs/purge';

export async function purgeAction() {
  const { count } = await purgeClosedCasePii(getDb(), await getActor(), env().PII_RETENTION_MONTHS);
  revalidatePath('/admin/privacy');
  redirect(`/admin/privacy?purged=${count}`);
}
