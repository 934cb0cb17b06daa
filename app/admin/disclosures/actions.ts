'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { publishDisclosure } from '@/lib/reports/disclosures';

const schema = z.object({
  projectId: z.string().uuid(),
  kind: z.enum(['quarterly', 'final']),
  periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  periodEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export async function publishDisclosureAction(formData: FormData) {
  const input = schema.parse(Object.fromEntries(formData));
  const { id } = await publishDisclosure(getDb(), await getActor(), input);
  revalidatePath('/transparency/disclosures');
  redirect(`/transparency/disclosures/${id}`);
}
