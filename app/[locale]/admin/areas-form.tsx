'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FocusOnAnswer } from '../_components/focus-on-answer';
import { emptyForm } from '../_lib/form-state';
import { setAreasAction } from './actions';

type Area = { id: string; nameZh: string; nameEn: string };

/** A social worker's sub-districts, changed by an administrator (at least one). */
export function AreasForm({ userId, name, areas, current }: { userId: string; name: string; areas: Area[]; current: string[] }) {
  const t = useTranslations('admin');
  const f = useTranslations('forms');
  const locale = useLocale();
  const [state, action, pending] = useActionState(setAreasAction, emptyForm);
  const ticked = state.values.areaIds !== undefined ? state.values.areaIds.split(',') : current;
  const error = state.errors.areaIds ? f(state.errors.areaIds) : state.message && state.message !== 'areasSaved' ? f(state.message) : undefined;
  const errorId = `areas-${userId}-error`;
  return (
    <details className="w-full">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('changeAreas', { name })}</summary>
      <form key={state.values.areaIds ?? ''} action={action} className="mt-2 flex flex-col gap-2" noValidate>
        <FocusOnAnswer state={state} />
        <input type="hidden" name="userId" value={userId} />
        {state.message === 'areasSaved' ? <p role="status" className="font-semibold text-leaf-600">{t('areasSaved')}</p> : null}
        <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
          <legend className="field-label text-sm">{t('areas')}</legend>
          <div className="grid grid-cols-2 gap-2">
            {areas.map((area) => (
              <label key={area.id} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="areaIds" value={area.id} className="size-5 shrink-0" defaultChecked={ticked.includes(area.id)} />
                {locale === 'en' ? area.nameEn : area.nameZh}
              </label>
            ))}
          </div>
          {error ? <p id={errorId} className="field-error">{error}</p> : null}
        </fieldset>
        <button className="btn-secondary self-start" disabled={pending}>
          {t('saveAreas')}
        </button>
      </form>
    </details>
  );
}
