'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { saveProjectCover } from '@/lib/projects/cover';
import { projectEditSchema, updateProject } from '@/lib/projects/edit';
import { appErrorState, formValues, zodErrors, type FormState } from '../../_lib/form-state';

export async function updateProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = projectEditSchema.safeParse(values);
  if (!parsed.success) return { ok: false, values, errors: zodErrors(parsed.error) };
  const db = getDb();
  const actor = await getActor();
  try {
    await updateProject(db, actor, values.projectId ?? '', parsed.data);
    const cover = formData.get('cover');
    if (cover instanceof File && cover.size > 0) await saveProjectCover(db, actor, values.projectId ?? '', new Uint8Array(await cover.arrayBuffer()));
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/projects');
  revalidatePath(`/projects/${values.slug}`);
  return { ok: true, values, errors: {}, message: 'saved' };
}
