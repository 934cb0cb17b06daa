'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FocusOnAnswer } from '../_components/focus-on-answer';
import { emptyForm } from '../_lib/form-state';
import { setAreasAction } from './actions';
import { AreaCheckboxes, type Area } from './area-checkboxes';

/** A social worker's sub-districts, changed by an administrator (at least one). */
export function AreasForm({ userId, name, areas, current }: { userId: string; name: string; areas: Area[]; current: string[] }) {
  const t = useTranslations('admin');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(setAreasAction, emptyForm);
  const ticked = state.values.areaIds !== undefined ? state.values.areaIds.split(',') : current;
  const error = state.errors.areaIds ? f(state.errors.areaIds) : state.message && state.message !== 'areasSaved' ? f(state.message) : undefined;
  return (
    <details className="w-full">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('changeAreas', { name })}</summary>
      <form key={state.values.areaIds ?? ''} action={action} className="mt-2 flex flex-col gap-2" noValidate>
        <FocusOnAnswer state={state} />
        <input type="hidden" name="userId" value={userId} />
        {state.message === 'areasSaved' ? <p role="status" className="font-semibold text-leaf-600">{t('areasSaved')}</p> : null}
        <AreaCheckboxes idPrefix={`areas-${userId}`} areas={areas} ticked={ticked} error={error} />
        <button className="btn-secondary self-start" disabled={pending}>
          {t('saveAreas')}
        </button>
      </form>
    </details>
  );
}
