'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { signIn } from '@/lib/auth/client';
import { Field } from '../_components/field';
import { rememberSignedIn } from '../_components/account-hint';

const reasons = ['invalid', 'throttled', 'disabled'] as const;

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const required = (name: string) => (missing.includes(name) ? t('errors.required') : undefined);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const missing = (['login', 'password'] as const).filter((name) => !String(data.get(name) ?? '').trim());
    setMissing(missing);
    if (missing.length > 0) return document.getElementById(missing[0])?.focus();
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      login: String(data.get('login') ?? ''),
      password: String(data.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      rememberSignedIn(true); // the header of the page it goes to shows no "登录" while it asks who this is
      router.push(next);
      router.refresh();
      return;
    }
    const reason = reasons.find((r) => r === result?.error) ?? 'unknown';
    setError(t(`errors.${reason}`));
    // Back where it can be put right (the button pressed was disabled meanwhile); the message is read with the field.
    document.getElementById('login')?.focus();
  }

  return (
    <form onSubmit={onSubmit} className="card flex flex-col gap-4" noValidate>
      {error ? (
        <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800" id="login-error">
          {error}
        </p>
      ) : null}
      <Field name="login" label={t('login')} autoComplete="username" inputMode="email" required error={required('login')} {...(error ? { 'aria-describedby': 'login-error' } : {})} />
      <Field name="password" label={t('password')} type="password" autoComplete="current-password" required error={required('password')} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
