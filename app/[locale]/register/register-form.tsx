'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { signIn } from '@/lib/auth/client';
import { Field } from '../_components/field';
import { emptyForm } from '../_lib/form-state';
import { registerAction } from './actions';
import { FocusOnAnswer } from '../_components/focus-on-answer';
import { rememberSignedIn } from '../_components/account-hint';

export function RegisterForm() {
  const t = useTranslations('auth');
  const f = useTranslations('forms');
  const router = useRouter();
  const [state, action, pending] = useActionState(registerAction, emptyForm);
  // Kept from the submit event: React resets the form once the action returns.
  const password = useRef('');
  const err = (name: string) => (state.errors[name] ? f(state.errors[name]) : undefined);

  useEffect(() => {
    if (!state.ok) return;
    signIn('credentials', { login: state.values.login, password: password.current, redirect: false }).then(() => {
      rememberSignedIn(true);
      router.push('/me');
      router.refresh();
    });
  }, [state, router]);

  return (
    <form
      action={action}
      onSubmit={(e) => {
        password.current = String(new FormData(e.currentTarget).get('password') ?? '');
      }}
      className="card flex flex-col gap-4" noValidate>
      <FocusOnAnswer state={state} />
      {state.message === 'throttled' ? (
        <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800">
          {f('throttled')}
        </p>
      ) : null}
      {Object.keys(state.errors).length ? (
        <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800">
          {f('fixErrors')}
        </p>
      ) : null}
      <Field name="name" label={t('name')} autoComplete="name" defaultValue={state.values.name} error={err('name')} required />
      <Field name="login" label={t('login')} autoComplete="username" defaultValue={state.values.login} error={err('login')} required />
      <Field name="password" label={t('password')} type="password" autoComplete="new-password" error={err('password')} hint={f('password_short')} required />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t('registerSubmit')}
      </button>
    </form>
  );
}
