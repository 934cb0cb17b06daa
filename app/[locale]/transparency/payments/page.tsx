import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { formatFen } from '@/lib/money';
import { jiangbeiAreas } from '@/lib/places';
import { listPublicPayments } from '@/lib/reports/transparency';
import { cachedPageLocale, type LocaleParams } from '../../_lib/cached-page';
import { langOfTyped } from '@/lib/i18n/locales';

export { generateStaticParams } from '../../_lib/cached-page';

const paymentsShown = 30;

export async function generateMetadata({ params }: LocaleParams) {
  return { title: (await getTranslations({ locale: await cachedPageLocale(params), namespace: 'transparency' }))('payments') };
}

/** The latest payments out, each approved by a second person: purpose, project, category, sub-district. */
export default async function PublicPaymentsPage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const [t, p, format, locale, payments] = await Promise.all([
    getTranslations('transparency'),
    getTranslations('payments'),
    getFormatter(),
    getLocale(),
    listPublicPayments(getDb(), paymentsShown),
  ]);
  const en = locale === 'en';
  const areaName = (id: string | null) => {
    const a = jiangbeiAreas.find((x) => x.id === id);
    return a ? (en ? a.nameEn : a.nameZh) : t('districtWide');
  };
  return (
    <div className="flex flex-col gap-4">
      <Link href="/transparency" className="link link-alone">
        {t('backToReport')}
      </Link>
      <h1 className="page-title">{t('payments')}</h1>
      <p>
        {t('paymentsIntro', { count: paymentsShown })}{' '}
        <a href="/transparency/data/payments.csv" className="link" download>
          {t('paymentsCsv')}
        </a>
      </p>
      {payments.length === 0 ? <p className="card">{t('noPayments')}</p> : null}
      <ul className="flex flex-col gap-2">
        {payments.map((x) => (
          <li key={x.id} className="card flex flex-col gap-1" data-testid="t-payment">
            <p className="flex justify-between gap-2 font-bold">
              <span lang={langOfTyped(x.purpose, locale)}>{x.purpose}</span>
              <span>{formatFen(x.amountFen, { exact: true })}</span>
            </p>
            <p className="text-sm text-muted">
              {`${format.dateTime(x.date, { dateStyle: 'medium' })} · ${en ? x.projectNameEn : x.projectNameZh} · ${p(`categories.${x.category}`)} · ${areaName(x.areaId)}`}
            </p>
            {x.reversalNote ? <p className="text-sm font-semibold text-sun-700">{t('reversed', { note: x.reversalNote })}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
