'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { publishDisclosure } from '@/lib/reports/disclosures';

const schema = z
  .object({ projectId: z.string().uuid(), kind: z.enum(['quarterly', 'final']), periodStart: z.iso.date(), periodEnd: z.iso.date() })
  .refine((v) => v.periodStart <= v.periodEnd);

export async function publishDisclosureAction(formData: FormData) {
  // The form's fields are hidden and fixed: anything else was tampered with, and nothing is published.
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect('/admin/disclosures');
  const { id, alreadyPublished } = await publishDisclosure(getDb(), await getActor(), parsed.data);
  revalidatePath('/transparency/disclosures');
  // Back to the list, which says so and links to the public report (a cached page, the same for everyone).
  redirect(`/admin/disclosures?${new URLSearchParams({ published: id, ...(alreadyPublished ? { again: '1' } : {}) })}`);
}
