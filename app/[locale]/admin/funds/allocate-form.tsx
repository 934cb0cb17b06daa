'use client';

import { formatFen, parseYuan } from '@/lib/money';
import { givesReason } from '@/lib/reason';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '../../_components/field';
import { SelectField } from '../../_components/select-field';
import { emptyForm } from '../../_lib/form-state';
import { allocateAction } from './actions';
import { FocusOnAnswer } from '../../_components/focus-on-answer';
import { ConfirmButton } from '../../_components/confirm-button';

export function AllocateForm({ projects, intent }: { projects: { id: string; name: string }[]; intent: string }) {
  const t = useTranslations('payments');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(allocateAction, emptyForm);
  const err = (n: string) => (state.errors[n] ? f(state.errors[n]) : undefined);
  return (
    <form action={action} className="card flex flex-col gap-4" noValidate>
      <FocusOnAnswer state={state} />
      <h2 className="text-lg font-bold">{t('allocate')}</h2>
      {/* Kept while the form is corrected, so a resend of the same allocation is recognised; new after success. */}
      <input type="hidden" name="intent" value={state.values.intent ?? intent} />
      {state.message === 'allocated' ? (
        <p role="status" className="font-semibold text-leaf-600">
          {t('allocated')}
        </p>
      ) : null}
      <SelectField name="projectId" label={t('project')} blank options={projects.map((p) => ({ value: p.id, label: p.name }))} value={state.values.projectId} error={err('projectId')} />
      <Field name="amount" label={t('amount')} inputMode="decimal" defaultValue={state.values.amount} error={err('amount')} />
      <Field name="reason" label={t('allocateReason')} defaultValue={state.values.reason} error={err('reason')} />
      <ConfirmButton backLabel={f('back')}
        className="btn-primary"
        disabled={pending}
        confirmLabel={t('allocateYes')}
        question={(form) => {
          const sent = new FormData(form);
          const project = projects.find((p) => p.id === sent.get('projectId'))?.name;
          const fen = parseYuan(String(sent.get('amount') ?? ''));
          return project && fen && givesReason(sent.get('reason')) ? t('allocateConfirm', { amount: formatFen(fen, { exact: true }), project }) : null;
        }}
      >
        {t('doAllocate')}
      </ConfirmButton>
    </form>
  );
}
