import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RegisterForm } from './register-form';

export default async function RegisterPage() {
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{t('registerTitle')}</h1>
      <p className="mb-5 mt-1 text-muted">{t('registerIntro')}</p>
      <RegisterForm />
      <p className="mt-6">
        {t('haveAccount')}{' '}
        <Link href="/login" className="link">
          {t('loginTitle')}
        </Link>
      </p>
    </div>
  );
}
