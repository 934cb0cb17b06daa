'use server';

import { redirect } from 'next/navigation';
import { phoneSearchKey, queueFilterSchema } from '@/lib/needs/queue';

/**
 * The queue's filters, sent by POST so that a phone number typed into the search never becomes part of an address
 * (history, logs, a link passed on): it is replaced by its keyed hash. Everything else goes into the address as typed.
 */
export async function searchQueueAction(formData: FormData) {
  const fields = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === 'string' && v !== '' && !k.startsWith('$')));
  const { page: _page, ...filter } = queueFilterSchema.parse(fields); // a new search starts on its first page
  const phone = filter.q ? phoneSearchKey(filter.q) : null;
  const kept = phone ? { ...filter, q: undefined, phone } : filter;
  const params = new URLSearchParams(Object.entries(kept).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  redirect(`/workspace${params.size ? `?${params}` : ''}`);
}
