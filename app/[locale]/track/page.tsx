import { getTranslations } from 'next-intl/server';
import { cachedPageLocale, type LocaleParams } from '../_lib/cached-page';
import { TrackPage } from './track-page';

export { generateStaticParams } from '../_lib/cached-page';

export async function generateMetadata({ params }: LocaleParams) {
  const locale = await cachedPageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'track' }))('title') };
}

/** The same form for every visitor, so cached per locale; what a resident looks up comes back from the action. */
export default async function Track({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const t = await getTranslations('track');
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t('title')}</h1>
      <p className="mb-5 mt-1">{t('intro')}</p>
      <TrackPage />
    </div>
  );
}
