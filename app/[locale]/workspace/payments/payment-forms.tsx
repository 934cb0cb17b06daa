'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { maxEvidenceBytes, maxEvidenceFiles } from '@/lib/disbursements/evidence';
import { givesReason } from '@/lib/reason';
import { fileProblem } from '../../_components/file-check';
import { Field } from '../../_components/field';
import { SelectField } from '../../_components/select-field';
import { emptyForm } from '../../_lib/form-state';
import { decidePaymentAction, requestPaymentAction, reversePaymentAction } from './actions';
import { ShownNotice } from '../../_components/shown-notice';
import { FocusOnAnswer } from '../../_components/focus-on-answer';
import { ConfirmButton } from '../../_components/confirm-button';

const categories = ['goods', 'services', 'activity', 'administration'] as const;

export function RequestPaymentForm({ projects, initial }: { projects: { id: string; name: string }[]; initial: Record<string, string | undefined> }) {
  const t = useTranslations('payments');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(requestPaymentAction, emptyForm);
  const [fileError, setFileError] = useState<string | null>(null);
  const v: Record<string, string | undefined> = Object.keys(state.values).length ? state.values : initial;
  const err = (n: string) => (state.errors[n] ? f(state.errors[n]) : undefined);
  // A browser never keeps chosen files across a refusal: when something else was refused, the files are asked for again
  // (or, if none came, asked for at all).
  const otherRefused = !state.ok && Object.keys(state.errors).length > 0 && !state.errors.evidence;
  const evidenceAgain = state.values.evidenceCount === '0' ? 'evidence_required' : 'evidence_again';
  const evidenceError = fileError ? f(fileError) : (err('evidence') ?? (otherRefused ? f(evidenceAgain) : undefined));
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const problem = fileProblem(e.currentTarget, 'evidence', { maxBytes: maxEvidenceBytes, maxFiles: maxEvidenceFiles });
        setFileError(problem && (problem === 'size' ? 'evidence_size' : 'evidence_too_many'));
        if (!problem) return;
        e.preventDefault(); // nothing sent, nothing typed lost
        e.currentTarget.querySelector<HTMLInputElement>('#evidence')?.focus();
      }}
      className="card flex flex-col gap-4"
      noValidate>
      <FocusOnAnswer state={state} />
      <h2 className="text-lg font-bold">{t('new')}</h2>
      {state.message === 'submitted' ? <ShownNotice>{t('submitted')}</ShownNotice> : null}
      {state.message && state.message !== 'submitted' ? (
        <p role="alert" className="font-semibold text-brand-700">
          {f(state.message)}
        </p>
      ) : null}
      <SelectField name="projectId" label={t('project')} blank options={projects.map((p) => ({ value: p.id, label: p.name }))} value={v.projectId} error={err('projectId')} />
      <Field name="needCode" label={t('needCode')} hint={t('needCodeHint')} defaultValue={v.needCode} error={err('needCode')} />
      <Field name="amount" label={t('amount')} inputMode="decimal" defaultValue={v.amount} error={err('amount')} />
      <Field name="payee" label={t('payee')} defaultValue={v.payee} error={err('payee')} />
      <Field name="purpose" label={t('purpose')} hint={t('purposeHint')} defaultValue={v.purpose} error={err('purpose')} />
      <SelectField name="category" label={t('category')} options={categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))} value={v.category ?? 'goods'} error={err('category')} />
      <Field name="evidence" label={t('evidence')} hint={t('evidenceHint')} error={evidenceError}>
        <input
          id="evidence"
          name="evidence"
          type="file"
          multiple
          accept="image/jpeg,image/png,application/pdf"
          className="field-input"
          aria-invalid={evidenceError ? true : undefined}
          aria-describedby={evidenceError ? 'evidence-error evidence-hint' : 'evidence-hint'}
          onChange={() => setFileError(null)}
        />
      </Field>
      <button className="btn-primary" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}

export function DecideForm({ id, what, hasEvidence }: { id: string; what: string; hasEvidence: boolean }) {
  const t = useTranslations('payments');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(decidePaymentAction, emptyForm);
  const err = state.errors.reason ? f(state.errors.reason) : undefined;
  // A decision gives its reason: without one, nothing to confirm — the server answers at the field at once.
  const ask = (question: string) => (form: HTMLFormElement) => (givesReason(new FormData(form).get('reason')) ? question : null);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <FocusOnAnswer state={state} />
      <input type="hidden" name="id" value={id} />
      {state.message === 'conflict' ? <p role="alert" className="font-semibold text-brand-700">{t('decidedAlready')}</p> : null}
      {hasEvidence ? null : <p className="text-sm font-semibold text-sun-700">{f('approve_needs_evidence')}</p>}
      <Field name={`reason-${id}`} label={t('reason')} error={err}>
        <input id={`reason-${id}`} name="reason" className="field-input" defaultValue={state.values.reason} aria-invalid={err ? true : undefined}
          aria-describedby={err ? `reason-${id}-error` : undefined} />
      </Field>
      <div className="flex gap-2">
        {hasEvidence ? (
          <ConfirmButton backLabel={f('back')} name="decision" value="approve" className="btn-primary flex-1" disabled={pending} question={ask(t('approveConfirm', { what }))} confirmLabel={t('approveYes')}>
            {t('approve')}
          </ConfirmButton>
        ) : null}
        <ConfirmButton backLabel={f('back')} name="decision" value="reject" className="btn-quiet flex-1" disabled={pending} question={ask(t('rejectConfirm', { what }))} confirmLabel={t('rejectYes')}>
          {t('reject')}
        </ConfirmButton>
      </div>
    </form>
  );
}

export function ReverseForm({ id, what }: { id: string; what: string }) {
  const t = useTranslations('payments');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(reversePaymentAction, emptyForm);
  const err = state.errors.note ? f(state.errors.note) : undefined;
  if (state.message === 'reversed') return <p role="status" className="font-semibold text-leaf-600">{t('reversedOk')}</p>;
  return (
    <details>
      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('reverseTitle')}</summary>
      <form action={action} className="mt-2 flex flex-col gap-2" noValidate>
        <FocusOnAnswer state={state} />
        <input type="hidden" name="id" value={id} />
        {state.message === 'conflict' ? <p role="alert" className="font-semibold text-brand-700">{t('reversedAlready')}</p> : null}
        <Field name={`note-${id}`} label={t('reverseNote')} error={err}>
          <input id={`note-${id}`} name="note" className="field-input" defaultValue={state.values.note} aria-invalid={err ? true : undefined} aria-describedby={err ? `note-${id}-error` : undefined} />
        </Field>
        <ConfirmButton backLabel={f('back')} className="btn-quiet" disabled={pending} question={t('reverseConfirm', { what })} confirmLabel={t('reverse')}>
          {t('reverse')}
        </ConfirmButton>
      </form>
    </details>
  );
}
