'use server';

import { redirect } from 'next/navigation';
import { phoneSearchKey, queueFilterSchema } from '@/lib/needs/queue';

/**
 * The queue's filters, sent by POST so that a phone number typed into the search never becomes part of an address
 * (history, logs, a link passed on): it is replaced by its keyed hash. Everything else goes into the address as typed.
 */
export async function searchQueueAction(formData: FormData) {
  const fields = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === 'string' && v !== '' && !k.startsWith('$')));
  const filter = queueFilterSchema.parse(fields);
  const phone = filter.q ? phoneSearchKey(filter.q) : null;
  const params = new URLSearchParams(Object.entries({ ...filter, ...(phone ? { q: undefined, phone } : {}), page: undefined }).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => [k, String(v)]));
  redirect(`/workspace${params.size ? `?${params}` : ''}`);
}
