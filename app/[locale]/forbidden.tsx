import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <div className="card mx-auto max-w-md text-center">
      <h1 className="page-title">403</h1>
      <p className="my-3">{t('forbidden')}</p>
      <Link href="/" className="btn-secondary">
        {t('home')}
      </Link>
    </div>
  );
}
