'use client';

import { formatFen, parseYuan } from '@/lib/money';
import { givesReason } from '@/lib/reason';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { emptyForm } from '../../_lib/form-state';
import { refundDonationAction } from './actions';
import { FocusOnAnswer } from '../../_components/focus-on-answer';
import { ConfirmButton } from '../../_components/confirm-button';

export function RefundForm({ donationId, refundableFen, intent }: { donationId: string; refundableFen: number; intent: string }) {
  const refundable = formatFen(refundableFen, { exact: true });
  const t = useTranslations('donations');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(refundDonationAction, emptyForm);
  const error = state.errors.amount ?? state.errors._form ?? (state.message === 'forbidden' || state.message === 'signedOut' ? state.message : undefined);
  return (
    <details className="mt-2">
      <summary className="btn-quiet inline-flex min-h-11 cursor-pointer px-3 text-sm">{t('refund')}</summary>
      <form action={action} className="mt-2 flex flex-col gap-2 rounded-xl bg-paper p-3" noValidate>
        <FocusOnAnswer state={state} />
        <input type="hidden" name="donationId" value={donationId} />
        <input type="hidden" name="intent" value={state.values.intent ?? intent} />
        <label htmlFor={`refund-${donationId}`} className="field-label">{t('refundAmount')}</label>
        <input id={`refund-${donationId}`} name="amount" inputMode="decimal" className="field-input" defaultValue={state.values.amount ?? (refundableFen / 100).toFixed(2)}
          aria-invalid={error ? true : undefined} aria-describedby={`${error ? `refund-${donationId}-error ` : ''}refund-${donationId}-hint`} />
        <p id={`refund-${donationId}-hint`} className="field-hint">{t('refundable', { amount: refundable })}</p>
        {error ? <p id={`refund-${donationId}-error`} className="field-error" role="alert">{t(`errors.${error}`, { amount: refundable })}</p> : null}
        <label htmlFor={`refund-${donationId}-reason`} className="field-label">{t('refundReason')}</label>
        <input id={`refund-${donationId}-reason`} name="reason" className="field-input" defaultValue={state.values.reason ?? ''} maxLength={200}
          aria-invalid={state.errors.reason ? true : undefined} aria-describedby={state.errors.reason ? `refund-${donationId}-reason-error` : undefined} />
        {state.errors.reason ? (
          <p id={`refund-${donationId}-reason-error`} className="field-error">{t(`errors.${state.errors.reason}` as 'errors.forbidden')}</p>
        ) : null}
        {state.message === 'refunded' ? <p role="status" className="font-semibold text-leaf-600">{t('refundDone')}</p> : null}
        <ConfirmButton backLabel={f('back')} className="btn-secondary" disabled={pending} confirmLabel={t('refundYes')}
          question={(form) => {
            const sent = new FormData(form);
            const fen = parseYuan(String(sent.get('amount') ?? ''));
            // Nothing to confirm for an amount that cannot be refunded, or without a reason: the server answers at the field at once.
            return fen && fen <= refundableFen && givesReason(sent.get('reason')) ? t('refundConfirm', { amount: formatFen(fen, { exact: true }) }) : null;
          }}>
          {t('refundSubmit')}
        </ConfirmButton>
      </form>
    </details>
  );
}
