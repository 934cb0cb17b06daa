import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { returnPath } from '@/lib/auth/return-path';
import { LoginForm } from './login-form';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [t, { callbackUrl }] = await Promise.all([getTranslations('auth'), searchParams]);
  const next = returnPath(callbackUrl);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t('loginTitle')}</h1>
      <p className="mb-5 mt-1 text-muted">{t('loginIntro')}</p>
      <LoginForm next={next} />
      <p className="mt-6">
        {t('noAccount')}{' '}
        <Link href="/register" className="link">
          {t('register')}
        </Link>
      </p>
    </div>
  );
}
