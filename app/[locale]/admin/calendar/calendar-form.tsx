'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { RadioCards } from '../../_components/choices';
import { Field } from '../../_components/field';
import { emptyForm } from '../../_lib/form-state';
import { setCalendarDayAction } from './actions';
import { FocusOnAnswer } from '../../_components/focus-on-answer';

export function CalendarForm() {
  const t = useTranslations('admin');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(setCalendarDayAction, emptyForm);
  const err = (n: string) => (state.errors[n] ? f(state.errors[n]) : undefined);
  return (
    <form action={action} className="card flex flex-col gap-4" noValidate>
      <FocusOnAnswer state={state} />
      <h2 className="text-lg font-bold">{t('calendarAdd')}</h2>
      {state.message === 'calendarSaved' ? (
        <p role="status" className="font-semibold text-leaf-600">
          {t('calendarSaved')}
        </p>
      ) : null}
      <Field name="day" type="date" label={t('calendarDay')} defaultValue={state.values.day} error={err('day')} />
      <RadioCards
        name="kind"
        legend={t('calendarKind')}
        options={[
          { value: 'holiday', label: t('calendarHoliday') },
          { value: 'workday', label: t('calendarWorkday') },
        ]}
        defaultValue={state.values.kind}
        error={err('kind')}
      />
      <Field name="note" label={t('calendarNote')} hint={t('calendarNoteHint')} defaultValue={state.values.note} error={err('note')} />
      <button className="btn-primary" disabled={pending}>
        {t('calendarSave')}
      </button>
    </form>
  );
}
