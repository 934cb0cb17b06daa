'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '../_components/field';
import { emptyForm } from '../_lib/form-state';
import { createStaffAction } from './actions';
import { FocusOnAnswer } from '../_components/focus-on-answer';
import { AreaCheckboxes, type Area } from './area-checkboxes';

export function StaffForm({ areas }: { areas: Area[] }) {
  const t = useTranslations('admin');
  const a = useTranslations('auth');
  const f = useTranslations('forms');
  const r = useTranslations('roles');
  const [state, action, pending] = useActionState(createStaffAction, emptyForm);
  const err = (name: string) => (state.errors[name] ? f(state.errors[name]) : undefined);
  const ticked = (state.values.areaIds ?? '').split(',');
  return (
    <form action={action} className="card flex flex-col gap-4" noValidate>
      <FocusOnAnswer state={state} />
      {state.message === 'created' ? (
        <p role="status" className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">
          {t('created')}
        </p>
      ) : null}
      <Field name="name" label={a('name')} defaultValue={state.values.name} error={err('name')} />
      <Field name="login" label={a('login')} defaultValue={state.values.login} error={err('login')} />
      <Field name="password" label={a('password')} type="password" autoComplete="new-password" error={err('password')} />
      <Field name="role" label={t('role')} error={err('role')}>
        <select key={state.values.role} id="role" name="role" className="field-input" defaultValue={state.values.role ?? 'social_worker'}>
          <option value="social_worker">{r('social_worker')}</option>
          <option value="admin">{r('admin')}</option>
        </select>
      </Field>
      <AreaCheckboxes idPrefix="areaIds" areas={areas} ticked={ticked} error={err('areaIds')} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t('create')}
      </button>
    </form>
  );
}
