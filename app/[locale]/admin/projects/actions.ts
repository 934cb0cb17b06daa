'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { checkCover, saveProjectCover } from '@/lib/projects/cover';
import { createProject, projectChoiceFields, projectCreateSchema, projectEditSchema, projectFromForm, updateProject } from '@/lib/projects/edit';
import { appErrorState, formValues, fieldErrors, type FormState } from '../../_lib/form-state';

/** What was sent, to show again: ticked boxes as comma-separated lists. */
function valuesOf(formData: FormData) {
  return { ...formValues(formData), ...Object.fromEntries(projectChoiceFields.map((k) => [k, formData.getAll(k).join(',')])) };
}

export async function updateProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const parsed = projectEditSchema.safeParse(projectFromForm(formData));
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  const db = getDb();
  const actor = await getActor();
  const file = formData.get('cover');
  const cover = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  try {
    // A picture that would be refused is refused before the rest is saved: nothing is half done.
    if (cover) checkCover(cover);
    await updateProject(db, actor, values.projectId ?? '', parsed.data);
    if (cover) await saveProjectCover(db, actor, values.projectId ?? '', cover);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/projects');
  revalidatePath(`/projects/${values.slug}`);
  return { ok: true, values, errors: {}, message: 'saved' };
}

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = valuesOf(formData);
  const parsed = projectCreateSchema.safeParse(projectFromForm(formData));
  if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
  let slug: string;
  try {
    slug = await createProject(getDb(), await getActor(), parsed.data);
  } catch (e) {
    return appErrorState(e, values);
  }
  revalidatePath('/projects');
  redirect(`/admin/projects/${slug}?created=1`);
}
