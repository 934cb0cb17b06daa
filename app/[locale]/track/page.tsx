import { getTranslations } from 'next-intl/server';
import { TrackPage } from './track-page';

export async function generateMetadata() {
  return { title: (await getTranslations('track'))('title') };
}

export default async function Track() {
  const t = await getTranslations('track');
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">{t('title')}</h1>
      <p className="mb-5 mt-1">{t('intro')}</p>
      <TrackPage />
    </div>
  );
}
