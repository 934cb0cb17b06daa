import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { listAreas } from '@/lib/places';
import { cachedPageLocale, type LocaleParams } from '../_lib/cached-page';
import { submitNeedAction } from './actions';
import { IntakeForm } from './intake-form';

export { generateStaticParams } from '../_lib/cached-page';

export async function generateMetadata({ params }: LocaleParams) {
  const locale = await cachedPageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'help' }))('title') };
}

/** The same empty form for every resident, so cached per locale; what they send is checked by the action. */
export default async function HelpPage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const [t, areas] = await Promise.all([getTranslations('help'), listAreas()]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t('title')}</h1>
      <p className="mb-5 mt-1">{t('intro')}</p>
      <IntakeForm areas={areas} retentionMonths={env().PII_RETENTION_MONTHS} action={submitNeedAction} />
    </div>
  );
}
