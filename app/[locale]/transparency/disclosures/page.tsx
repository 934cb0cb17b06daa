import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { formatDay } from '@/lib/i18n/dates';
import { listPublishedDisclosures } from '@/lib/reports/disclosures';
import { cachedPageLocale, type LocaleParams } from '../../_lib/cached-page';

export { generateStaticParams } from '../../_lib/cached-page';

export default async function DisclosuresPage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const [t, format, locale, rows] = await Promise.all([getTranslations('disclosure'), getFormatter(), getLocale(), listPublishedDisclosures(getDb())]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="page-title">{t('listTitle')}</h1>
      <p>{t('listIntro')}</p>
      {rows.length === 0 ? <p className="card">{t('none')}</p> : null}
      <ul className="flex flex-col gap-2">
        {rows.map((r) => (
          <li key={r.id}>
            <Link href={`/transparency/disclosures/${r.id}`} className="card block no-underline hover:border-brand-600" data-testid="disclosure-row">
              <p className="font-bold text-ink">
                {locale === 'en' ? r.nameEn : r.nameZh} · {t(`kind.${r.kind as 'quarterly'}`)}
              </p>
              <p className="text-sm text-muted">
                {t('period', { start: formatDay(locale, r.periodStart), end: formatDay(locale, r.periodEnd) })} · {t('published', { date: format.dateTime(r.publishedAt, { dateStyle: 'medium' }) })}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
