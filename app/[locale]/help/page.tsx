import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { listAreas } from '@/lib/places';
import { submitNeedAction } from './actions';
import { IntakeForm } from './intake-form';

export async function generateMetadata() {
  return { title: (await getTranslations('help'))('title') };
}

export default async function HelpPage() {
  const [t, areas] = await Promise.all([getTranslations('help'), listAreas()]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t('title')}</h1>
      <p className="mb-5 mt-1">{t('intro')}</p>
      <IntakeForm areas={areas} retentionMonths={env().PII_RETENTION_MONTHS} action={submitNeedAction} />
    </div>
  );
}
