'use server';

import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { queueSearch } from '@/lib/needs/queue';

/** The queue's filters, sent by POST so that what is typed is read before it becomes an address (lib's queueSearch). */
export async function searchQueueAction(formData: FormData) {
  const fields = Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && !e[0].startsWith('$')));
  let params: URLSearchParams;
  try {
    params = await queueSearch(getDb(), await getActor(), fields);
  } catch (e) {
    if (isAppError(e, 'unauthenticated')) redirect('/login?callbackUrl=%2Fworkspace');
    if (isAppError(e, 'forbidden')) forbidden();
    throw e;
  }
  redirect(`/workspace${params.size ? `?${params}` : ''}`);
}
