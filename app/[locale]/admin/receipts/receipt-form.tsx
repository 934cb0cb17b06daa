'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { emptyForm } from '../../_lib/form-state';
import { recordReceiptAction } from './actions';
import { FocusOnAnswer } from '../../_components/focus-on-answer';

export function ReceiptForm({ donationId }: { donationId: string }) {
  const t = useTranslations('donations.receipts');
  const [state, action, pending] = useActionState(recordReceiptAction, emptyForm);
  // A refusal (forbidden, throttled) comes back as the form's message, not as a field error: show it too.
  const refusal = !state.ok && state.message ? state.message : undefined;
  const error = state.errors.receiptNumber ?? state.errors.donationId ?? state.errors._form ?? refusal;
  const id = `receipt-${donationId}`;
  return (
    <form action={action} className="mt-2 flex flex-col gap-2" noValidate>
      <FocusOnAnswer state={state} />
      <input type="hidden" name="donationId" value={donationId} />
      <label htmlFor={id} className="field-label">{t('number')}</label>
      <div className="flex gap-2">
        <input id={id} name="receiptNumber" className="field-input" defaultValue={state.values.receiptNumber ?? ''} aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined} />
        <button type="submit" className="btn-secondary shrink-0" disabled={pending}>{t('record')}</button>
      </div>
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{t(`errors.${error}` as 'errors.required')}</p> : null}
      {state.ok && state.message === 'saved' ? <p className="font-semibold text-leaf-600" role="status">{t('saved')}</p> : null}
    </form>
  );
}
