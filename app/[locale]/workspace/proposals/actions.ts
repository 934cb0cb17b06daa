'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { acceptProposals } from '@/lib/matching/accept';
import { outcomeText, type Translate } from '@/lib/matching/words';
import { appErrorState, type FormState } from '../../_lib/form-state';

const tokensSchema = z.array(z.string().max(300)).min(1).max(500);

export type AcceptResult = { accepted: number; failed: { code: string; text: string }[] };

/** Accepts the ticked proposals ("接受所选") or every one on the page ("全部接受"); lib/ checks each. */
export async function acceptProposalsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const field = formData.get('mode') === 'all' ? 'all' : 'proposal';
  const parsed = tokensSchema.safeParse(formData.getAll(field));
  if (!parsed.success) return { ok: false, values: {}, errors: { proposal: 'select_proposal' } };
  let outcomes;
  try {
    outcomes = await acceptProposals(getDb(), await getActor(), parsed.data);
  } catch (e) {
    return appErrorState(e, {});
  }
  revalidatePath('/workspace/proposals');
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const words: Translate = (key, values) => t(key as never, values as never);
  const data: AcceptResult = {
    accepted: outcomes.filter((o) => o.ok).length,
    failed: outcomes.flatMap((o) => (o.ok ? [] : [{ code: o.code ?? '—', text: outcomeText(words, locale, o) }])),
  };
  return { ok: true, values: {}, errors: {}, data };
}
