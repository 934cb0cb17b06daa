'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '../../_components/field';
import { emptyForm } from '../../_lib/form-state';
import { updateProjectAction } from './actions';
import { FocusOnAnswer } from '../../_components/focus-on-answer';

const statuses = ['draft', 'active', 'paused', 'ended'] as const;

export function ProjectForm({ project, coverImage }: { project: Record<string, string>; coverImage: string | null }) {
  const t = useTranslations('donations.projects');
  const [state, action, pending] = useActionState(updateProjectAction, emptyForm);
  const v = Object.keys(state.values).length ? state.values : project;
  const err = (name: string) => (state.errors[name] ? t(`errors.${state.errors[name]}` as 'errors.required') : undefined);
  const area = (name: string, rows: number) => (
    <Field name={name} label={t(name as 'storyZh')} error={err(name)}>
      <textarea id={name} name={name} rows={rows} className="field-input" defaultValue={v[name] ?? ''} />
    </Field>
  );
  return (
    <form key={JSON.stringify(state)} action={action} className="card flex flex-col gap-4" noValidate>
      <FocusOnAnswer state={state} />
      {state.message === 'saved' ? <p role="status" className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">{t('saved')}</p> : null}
      {state.message === 'forbidden' ? <p role="alert" className="field-error">{t('errors.forbidden')}</p> : null}
      <input type="hidden" name="projectId" value={project.projectId} />
      <input type="hidden" name="slug" value={project.slug} />
      <Field name="nameZh" label={t('nameZh')} defaultValue={v.nameZh} error={err('nameZh')} />
      <Field name="nameEn" label={t('nameEn')} defaultValue={v.nameEn} error={err('nameEn')} />
      {area('summaryZh', 3)}
      {area('summaryEn', 3)}
      {area('storyZh', 8)}
      {area('storyEn', 8)}
      <Field name="goal" label={t('goalLabel')} inputMode="decimal" defaultValue={v.goal} error={err('goal')} />
      <Field name="status" label={t('statusLabel')} error={err('status')}>
        <select key={v.status} id="status" name="status" className="field-input" defaultValue={v.status}>
          {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </Field>
      <Field name="cover" label={t('cover')} hint={t('coverHint')} error={err('cover')}>
        <input id="cover" name="cover" type="file" accept="image/jpeg,image/png,image/webp" className="field-input" aria-describedby="cover-hint" />
      </Field>
      {coverImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own route
        <img src={coverImage} alt="" className="max-h-48 self-start rounded-xl" />
      ) : null}
      <button type="submit" className="btn-primary" disabled={pending}>{t('save')}</button>
    </form>
  );
}
