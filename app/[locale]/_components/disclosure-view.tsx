import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { formatDay } from '@/lib/i18n/dates';
import { formatFen } from '@/lib/money';
import type { DisclosureContent } from '@/lib/reports/disclosures';
import { ScrollArea } from './scroll-area';
import { langOfTyped } from '@/lib/i18n/locales';

/** One disclosure, laid out to read on a phone and to print on A4. */
export async function DisclosureView({ content, kind }: { content: DisclosureContent; kind: 'quarterly' | 'final' }) {
  const [t, p, locale] = await Promise.all([getTranslations('disclosure'), getTranslations('payments'), getLocale()]);
  const en = locale === 'en';
  const money = (f: number) => formatFen(f, { exact: true });
  const rows: [string, React.ReactNode][] = [
    [t('opening'), money(content.openingFen)],
    [t('donations'), `${money(content.donationsFen)} ${t('gifts', { count: content.gifts })}`],
    [t('allocatedIn'), money(content.allocatedInFen)],
    [t('refunds'), money(content.refundsFen)],
    [t('fees'), money(content.feesFen)],
    [t('spent'), money(content.spentFen)],
    [t('closing'), money(content.closingFen)],
    [
      t('people'),
      // On a phone the line breaks between the two figures, never inside one ("0 个" / "帮扶个案").
      <>
        <span className="whitespace-nowrap">{t('personTimes', { count: content.personTimes })}</span> ·{' '}
        <span className="whitespace-nowrap">{t('needsServed', { count: content.needsServed })}</span>
      </>,
    ],
  ];
  return (
    <article className="card flex flex-col gap-4 print:border-0 print:shadow-none">
      <header>
        <p className="text-muted">{t(`kind.${kind}`)}</p>
        <h1 className="page-title">{en ? content.project.nameEn : content.project.nameZh}</h1>
        <p>{t('period', { start: formatDay(locale, content.periodStart), end: formatDay(locale, content.periodEnd) })}</p>
        <p className="text-sm text-muted">{t('org', { name: en ? env().ORG_NAME_EN : env().ORG_NAME_ZH })}</p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="text-right font-semibold" data-testid={`d-${k}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 className="mb-2 font-bold">{t('payments')}</h2>
        {content.payments.length === 0 ? (
          <p>{t('noPayments')}</p>
        ) : (
          <ScrollArea label={t('payments')}>
            <table className="data-table min-w-max">
              <thead>
                <tr>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('purpose')}</th>
                  <th scope="col">{t('category')}</th>
                  <th scope="col">{t('amount')}</th>
                </tr>
              </thead>
              <tbody>
                {content.payments.map((x, i) => (
                  <tr key={i}>
                    <td>{x.date}</td>
                    <td lang={langOfTyped(x.purpose, locale)}>{x.purpose}</td>
                    <td>{p(`categories.${x.category}`)}</td>
                    <td className="text-right">{money(x.amountFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </section>
    </article>
  );
}
