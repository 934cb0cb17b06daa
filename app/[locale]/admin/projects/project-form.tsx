'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { maxCoverBytes } from '@/lib/projects/cover-size';
import { CheckboxCards } from '../../_components/choices';
import { Field } from '../../_components/field';
import { FocusOnAnswer } from '../../_components/focus-on-answer';
import { fileProblem } from '../../_components/file-check';
import { emptyForm } from '../../_lib/form-state';
import { createProjectAction, updateProjectAction } from './actions';
import type { ProjectOptions } from './options';

const statuses = ['draft', 'active', 'paused', 'ended'] as const;

/**
 * A project's public page and its matching rules, for a new project (with the address it keeps) or an existing one.
 * Ticked boxes travel as comma-separated values between the server and the form.
 */
export function ProjectForm({
  project,
  coverImage,
  options,
  justCreated = false,
}: {
  project: Record<string, string>;
  coverImage: string | null;
  options: ProjectOptions;
  /** Opened right after creating it: says so until the form is next sent. */
  justCreated?: boolean;
}) {
  const t = useTranslations('donations.projects');
  const creating = !project.projectId;
  const [state, action, pending] = useActionState(creating ? createProjectAction : updateProjectAction, emptyForm);
  const [coverTooLarge, setCoverTooLarge] = useState(false);
  const v = Object.keys(state.values).length ? state.values : project;
  const err = (name: string) => (state.errors[name] ? t(`errors.${state.errors[name]}` as 'errors.required') : undefined);
  const ticked = (name: string) => (v[name] ? v[name].split(',') : []);
  const area = (name: string, rows: number) => (
    <Field name={name} label={t(name as 'storyZh')} rows={rows} defaultValue={v[name] ?? ''} error={err(name)} />
  );
  return (
    <form
      key={JSON.stringify(state)}
      action={action}
      onSubmit={(e) => {
        const tooLarge = fileProblem(e.currentTarget, 'cover', { maxBytes: maxCoverBytes }) !== null;
        setCoverTooLarge(tooLarge);
        if (!tooLarge) return;
        e.preventDefault(); // nothing sent, nothing typed lost
        e.currentTarget.querySelector<HTMLInputElement>('#cover')?.focus();
      }}
      className="card flex flex-col gap-4"
      noValidate>
      <FocusOnAnswer state={state} />
      {justCreated && state === emptyForm ? <p role="status" className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">{t('created')}</p> : null}
      {state.message === 'saved' ? <p role="status" className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">{t('saved')}</p> : null}
      {state.message === 'forbidden' || state.message === 'signedOut' ? <p role="alert" className="field-error">{t(`errors.${state.message}`)}</p> : null}
      <input type="hidden" name="projectId" value={project.projectId ?? ''} />
      {creating ? (
        <Field name="slug" label={t('slug')} hint={t('slugHint')} defaultValue={v.slug} error={err('slug')} autoCapitalize="none" spellCheck={false} />
      ) : (
        <input type="hidden" name="slug" value={project.slug} />
      )}
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

      <fieldset className="flex flex-col gap-4 border-t border-line pt-4">
        <legend className="text-lg font-bold">{t('rulesTitle')}</legend>
        <p className="text-muted">{t('rulesIntro')}</p>
        <CheckboxCards name="categories" legend={t('categories')} options={options.categories} defaultValues={ticked('categories')} error={err('categories')} />
        <CheckboxCards name="kinds" legend={t('kinds')} columns={1} options={options.kinds} defaultValues={ticked('kinds')} error={err('kinds')} />
        <CheckboxCards name="populations" legend={t('populations')} options={options.populations} defaultValues={ticked('populations')} error={err('populations')} />
        <CheckboxCards name="areaIds" legend={t('areaIds')} options={options.areas} defaultValues={ticked('areaIds')} error={err('areaIds')} />
        <Field name="capacityPerMonth" label={t('capacityPerMonth')} hint={t('capacityHint')} inputMode="numeric" defaultValue={v.capacityPerMonth ?? '0'} error={err('capacityPerMonth')} />
        <Field name="typicalCost" label={t('typicalCost')} inputMode="decimal" defaultValue={v.typicalCost ?? '0'} error={err('typicalCost')} />
      </fieldset>

      {/* A new project gets its cover once it exists (the picture is kept under the project). */}
      {creating ? null : (
        <Field name="cover" label={t('cover')} hint={t('coverHint')} error={coverTooLarge ? t('errors.cover_too_large') : err('cover')}>
          <input
            id="cover"
            name="cover"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="field-input"
            aria-invalid={coverTooLarge || state.errors.cover ? true : undefined}
            aria-describedby={coverTooLarge || state.errors.cover ? 'cover-error cover-hint' : 'cover-hint'}
            onChange={() => setCoverTooLarge(false)}
          />
        </Field>
      )}
      {coverImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own route
        <img src={coverImage} alt="" className="max-h-48 self-start rounded-xl" />
      ) : null}
      <button type="submit" className="btn-primary" disabled={pending}>{creating ? t('create') : t('save')}</button>
    </form>
  );
}
