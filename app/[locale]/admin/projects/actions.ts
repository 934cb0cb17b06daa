'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { saveProjectCover } from '@/lib/projects/cover';
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
