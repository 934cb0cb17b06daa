'use client';

import { useTranslations } from 'next-intl';
import { createContext, useActionState, useContext, useId, type ReactNode } from 'react';
import { emptyForm, type FormState } from '../../../_lib/form-state';
import { caseAction } from './actions';
import { FocusOnAnswer } from '../../../_components/focus-on-answer';
import { ConfirmButton } from '../../../_components/confirm-button';

const FormContext = createContext<FormState>(emptyForm);

/** One case-page form: posts its intent to caseAction and shows its own errors beside its own fields. */
export function CaseForm({ needId, intent, action, children, submit, tone = 'primary', confirm, confirmNeeds }: {
  needId: string;
  intent: 'command' | 'assess' | 'note' | 'assign' | 'accept' | 'match';
  action?: string;
  children?: ReactNode;
  submit: string;
  tone?: 'primary' | 'secondary' | 'quiet';
  /** Asked before sending, for a step that is hard to take back. */
  confirm?: string;
  /** A field the step needs: left empty, the form is sent unasked and the server says so at the field. */
  confirmNeeds?: string;
}) {
  const f = useTranslations('forms');
  const c = useTranslations('case');
  const [state, formAction, pending] = useActionState(caseAction, emptyForm);
  return (
    <FormContext.Provider value={state}>
      <form action={formAction} className="flex flex-col gap-3" noValidate>
        <FocusOnAnswer state={state} />
        <input type="hidden" name="needId" value={needId} />
        <input type="hidden" name="intent" value={intent} />
        {action ? <input type="hidden" name="action" value={action} /> : null}
        {state.message && state.message !== 'done' ? (
          <p role="alert" className="font-semibold text-brand-700">
            {f(state.message)}
          </p>
        ) : null}
        {state.message === 'done' ? (
          <p role="status" className="font-semibold text-leaf-600">
            {c('done')}
          </p>
        ) : null}
        {children}
        {confirm ? (
          <ConfirmButton backLabel={f('back')} className={`btn-${tone}`} disabled={pending} question={confirmNeeds ? (form) => (String(new FormData(form).get(confirmNeeds) ?? '').trim() ? confirm : null) : confirm} confirmLabel={submit}>
            {submit}
          </ConfirmButton>
        ) : (
          <button className={`btn-${tone}`} disabled={pending}>
            {submit}
          </button>
        )}
      </form>
    </FormContext.Provider>
  );
}

type InputProps = { name: string; label: string; type?: string; multiline?: boolean; defaultValue?: string } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'name'
>;

export function CaseInput({ name, label, multiline, defaultValue, ...rest }: InputProps) {
  const state = useContext(FormContext);
  const f = useTranslations('forms');
  const error = state.errors[name] ? f(state.errors[name]) : undefined;
  const id = `${name}-${useId()}`;
  const common = {
    id,
    name,
    className: 'field-input',
    defaultValue: state.values[name] ?? defaultValue,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? <textarea rows={2} {...common} /> : <input {...common} {...rest} />}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CaseSelect({ name, label, options, defaultValue }: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  const state = useContext(FormContext);
  const f = useTranslations('forms');
  const error = state.errors[name] ? f(state.errors[name]) : undefined;
  return (
    <div className="flex flex-col">
      <label className="field-label">
        {label}
        <select key={state.values[name]} name={name} defaultValue={state.values[name] ?? defaultValue ?? ''} className="field-input mt-1 font-normal" aria-invalid={error ? true : undefined}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
