'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { Field } from '../_components/field';
import { emptyForm } from '../_lib/form-state';
import { startDonationAction } from './actions';
import { donateDraftKey } from './draft';
import { ReceiptFields } from './receipt-fields';
import { FocusOnAnswer } from '../_components/focus-on-answer';

type Props = {
  projects: { slug: string; name: string }[];
  initialProject: string;
  unknownProject: boolean;
  presets: { fen: number; label: string }[];
  min: string;
  max: string;
  intent: string;
  signedIn: boolean;
  defaultName: string;
  /** Back from the payment page without paying, or from signing in: the form as the donor left it. */
  restoreDraft: boolean;
  /** Sign in, and come back to this form. */
  signInHref: string;
};

/**
 * What the donor typed is kept in this tab (sessionStorage, gone when it closes) as the form is sent or left to sign
 * in, so that coming back from the payment page without paying, or from signing in, restores it — all but the ID
 * number, as a fresh attempt.
 */
const notKept = ['intent', 'idNumber'];

function saveDraft(form: HTMLFormElement) {
  const draft: Record<string, string> = {};
  for (const [k, value] of new FormData(form)) if (typeof value === 'string' && !k.startsWith('$') && !notKept.includes(k)) draft[k] = value;
  sessionStorage.setItem(donateDraftKey, JSON.stringify(draft));
}

function useDraft(restore: boolean) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => {
    const kept = restore ? sessionStorage.getItem(donateDraftKey) : null;
    sessionStorage.removeItem(donateDraftKey);
    if (kept) setDraft(JSON.parse(kept));
  }, [restore]);
  return draft;
}

export function DonateForm(props: Props) {
  const t = useTranslations('donate');
  const [state, action, pending] = useActionState(startDonationAction, emptyForm);
  const draft = useDraft(props.restoreDraft);
  const submitted = Object.keys(state.values).length > 0;
  const v = submitted ? state.values : draft;
  const errors: Record<string, string> = { ...(props.unknownProject && !submitted ? { project: 'project_unknown' } : {}), ...state.errors };
  const err = (name: string) => (errors[name] ? t(`errors.${errors[name]}`, { min: props.min, max: props.max }) : undefined);
  // Remounted after each answer from the server, so every field shows exactly what was sent.
  return (
    <form key={JSON.stringify(v)} action={action} onSubmit={(e) => saveDraft(e.currentTarget)} className="donate card flex flex-col gap-5" noValidate>
      <FocusOnAnswer state={state} />
      {Object.keys(errors).length && submitted ? (
        <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800">
          {errors._form ? err('_form') : t('errors.fixErrors')}
        </p>
      ) : null}
      <input type="hidden" name="intent" value={v.intent ?? props.intent} />

      <Field name="project" label={t('where')} error={err('project')} hint={t('whereHint')}>
        <select
          key={v.project}
          id="project"
          name="project"
          className="field-input"
          defaultValue={v.project ?? props.initialProject}
          aria-invalid={errors.project ? true : undefined}
          aria-describedby={`project-hint${errors.project ? ' project-error' : ''}`}
        >
          {/* Short enough for a phone's select; what unrestricted means is said under it. */}
          <option value="general">{t('generalFundOption')}</option>
          {props.projects.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>

      <fieldset>
        <legend className="field-label">{t('frequency')}</legend>
        <div className="flex flex-col gap-1">
          {(['once', 'monthly'] as const).map((f) => (
            <label key={f} className="flex min-h-11 items-center gap-3">
              <input type="radio" name="frequency" value={f} defaultChecked={(v.frequency ?? 'once') === f} className="size-5 shrink-0" />
              {t(f)}
            </label>
          ))}
        </div>
        <p className="field-hint">{t('monthlyHint')}</p>
        {props.signedIn ? null : (
          <p className="when-monthly mt-2 rounded-xl bg-sun-50 p-3" data-testid="monthly-sign-in">
            {t('errors.monthly_needs_account')}{' '}
            {/* What was typed is kept for the way back from signing in. */}
            <a href={props.signInHref} className="link" onClick={(e) => saveDraft(e.currentTarget.closest('form')!)}>
              {t('login')}
            </a>
          </p>
        )}
        {err('frequency') ? <p className="field-error">{err('frequency')}</p> : null}
      </fieldset>

      <AmountFields presets={props.presets} values={v} error={err('amount')} hint={t('customHint', { min: props.min, max: props.max })} />

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-bold">{t('you')}</legend>
        <Field name="displayName" label={t('displayName')} hint={t('displayNameHint')} autoComplete="name" maxLength={40}
          defaultValue={v.displayName ?? props.defaultName} error={err('displayName')} />
        <label className="flex min-h-11 items-start gap-3">
          <input type="checkbox" name="anonymous" defaultChecked={v.anonymous === 'on'} className="mt-1 size-5 shrink-0" />
          <span className="min-w-0">{t('anonymous')}</span>
        </label>
        <Field name="message" label={t('message')} hint={t('messageHint')} rows={3} maxLength={200} defaultValue={v.message ?? ''} error={err('message')} />
        <Field name="contact" label={t('contact')} hint={t('contactHint')} autoComplete="tel" inputMode="email"
          defaultValue={v.contact ?? ''} error={err('contact')} />
        <ReceiptFields values={v} err={err} />
      </fieldset>

      <button type="submit" className="btn-primary min-h-14 text-lg" disabled={pending}>
        {pending ? t('submitting') : t('submitPlain')}
      </button>
      <p className="-mt-3 text-center text-sm text-muted">{t('methods')}</p>
    </form>
  );
}

function AmountFields({ presets, values, error, hint }: { presets: Props['presets']; values: Record<string, string>; error?: string; hint: string }) {
  const t = useTranslations('donate');
  const fallback = presets.find((p) => p.fen === 10000) ?? presets[0];
  const initial = values.customAmount ? 'custom' : (values.preset ?? (fallback ? String(fallback.fen / 100) : 'custom'));
  const [choice, setChoice] = useState(initial);
  return (
    <fieldset aria-describedby={error ? 'amount-error' : 'customAmount-hint'}>
      <legend className="field-label">{t('amount')}</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {presets.map((p) => (
          <label key={p.fen}
            className="flex min-h-12 cursor-pointer items-center justify-center rounded-xl border-2 border-line bg-white text-lg font-bold has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-800">
            <input type="radio" name="preset" value={String(p.fen / 100)} checked={choice === String(p.fen / 100)}
              onChange={() => setChoice(String(p.fen / 100))} className="sr-only" />
            {p.label}
          </label>
        ))}
      </div>
      <label className="mt-3 flex min-h-11 items-center gap-3">
        <input type="radio" name="preset" value="custom" checked={choice === 'custom'} onChange={() => setChoice('custom')} className="size-5" />
        {t('custom')}
      </label>
      <label htmlFor="customAmount" className="sr-only">{t('customLabel')}</label>
      <div className="mt-1 flex items-center gap-2">
        <span aria-hidden="true" className="text-xl font-bold">¥</span>
        <input id="customAmount" name="customAmount" inputMode="decimal" className="field-input" defaultValue={values.customAmount ?? ''}
          placeholder={t('customLabel')} aria-invalid={error ? true : undefined} aria-describedby={error ? 'amount-error' : 'customAmount-hint'}
          onInput={(e) => setChoice(e.currentTarget.value ? 'custom' : choice)} />
      </div>
      <p id="customAmount-hint" className="field-hint">{hint}</p>
      {error ? <p id="amount-error" className="field-error">{error}</p> : null}
    </fieldset>
  );
}
