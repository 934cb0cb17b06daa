import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { timeZone } from '@/lib/i18n/locales';
import { formatFen } from '@/lib/money';
import { getBusiestProjects, getHeadline, getMonthly, getSpendingByCategory } from '@/lib/reports/transparency';
import { BarChart } from '../_components/bar-chart';
import { cachedPageLocale, type LocaleParams } from '../_lib/cached-page';
import { figureSpan } from '../_lib/figures';

export { generateStaticParams } from '../_lib/cached-page';

export async function generateMetadata({ params }: LocaleParams) {
  return { title: (await getTranslations({ locale: await cachedPageLocale(params), namespace: 'transparency' }))('title') };
}

const colors = { in: '#2f7a4b', out: '#b8322a' };

/** 'YYYY-MM' of the last n months up to this one, in Beijing time (as the ledger's monthly totals are kept). */
function lastMonths(n: number): string[] {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** A phone can take a dozen bars and rows; beyond that, the busiest projects, and all of them in the open data. */
const topProjects = 12;

export default async function TransparencyPage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const db = getDb();
  const [t, p, locale, h, monthly, { shown: shownProjects, total: projectCount }, byCategory] = await Promise.all([
    getTranslations('transparency'),
    getTranslations('payments'),
    getLocale(),
    getHeadline(db),
    getMonthly(db),
    getBusiestProjects(db, topProjects),
    getSpendingByCategory(db),
  ]);
  const en = locale === 'en';
  // The last twelve calendar months, quiet ones as zero; every month is in the open data (monthly.csv, .json).
  // 'YYYY-MM' as "2026年1月" / "January 2026" (short: "1月" / "Jan", under the bars).
  const monthName = (month: string, style: 'long' | 'short') =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: style, ...(style === 'long' ? { year: 'numeric' } : {}) }).format(new Date(`${month}-01T00:00:00Z`));
  const lastYear = lastMonths(12).map((month) => monthly.find((m) => m.month === month) ?? { month, raisedFen: 0, spentFen: 0 });
  const money = (f: number) => formatFen(f, { exact: true });
  // Counts read as the home page writes them: 1,045, not 1045.
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const figures: [string, string, string][] = [
    ['raised', t('raised'), money(h.raisedFen)],
    ['spent', t('spent'), money(h.spentFen)],
    ['restricted', t('restricted'), money(h.restrictedBalanceFen)],
    ['general', t('general'), money(h.generalBalanceFen)],
    ['refunded', t('refunded'), money(h.refundedFen)],
    ['fees', t('fees'), money(h.feesFen)],
    ['donors', t('donors'), count(h.donors)],
    ['needs-received', t('needsReceived'), count(h.needsReceived)],
    ['needs-valid', t('needsValid'), count(h.needsValid)],
    ['needs-fulfilled', t('needsFulfilled'), count(h.needsFulfilled)],
    ['person-times', t('personTimes'), count(h.personTimes)],
    ['satisfaction', t('satisfaction'), h.satisfaction === null ? t('satisfactionNone') : `${Math.round(h.satisfaction * 100)}% ${t('ratings', { count: h.ratings })}`],
    ['projects', t('projects'), count(h.activeProjects)],
  ];

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="page-title">{t('title')}</h1>
        <p className="mt-1">{t('intro')}</p>
      </div>

      <section aria-labelledby="headline">
        <h2 id="headline" className="mb-3 text-xl font-bold">
          {t('headline')}
        </h2>
        <dl className="figure-grid">
          {figures.map(([id, label, value]) => (
            <div key={id} className={`card ${figureSpan(value)}`}>
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-xl font-bold text-brand-700" data-testid={`t-${id}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <BarChart
        id="month-chart"
        title={t('byMonth')}
        description={t('byMonthDesc')}
        categories={lastYear.map((m) => ({ key: m.month, label: monthName(m.month, 'long'), axisLabel: monthName(m.month, 'short') }))}
        series={[
          { key: 'in', label: t('income'), color: colors.in },
          { key: 'out', label: t('outgo'), color: colors.out },
        ]}
        values={Object.fromEntries(lastYear.map((m) => [m.month, { in: m.raisedFen, out: m.spentFen }]))}
        format={money}
        tableCaption={t('byMonth')}
        showTable={t('showTable')}
      />


      <section className="card overflow-x-auto" aria-labelledby="projects-table">
        <h2 id="projects-table" className="mb-2 font-bold">
          {t('byProject')}
        </h2>
        <table className="data-table figures min-w-max">
          <thead>
            <tr>
              <th scope="col">{t('project')}</th>
              <th scope="col">{t('income')}</th>
              <th scope="col">{t('allocatedIn')}</th>
              <th scope="col">{t('outgo')}</th>
              <th scope="col">{t('balance')}</th>
              <th scope="col">{t('served')}</th>
            </tr>
          </thead>
          <tbody>
            {shownProjects.map((r) => (
              <tr key={r.id} data-testid={`t-project-${r.slug}`}>
                <th scope="row" className="whitespace-nowrap">
                  <Link href={`/projects/${r.slug}`} className="link">
                    {en ? r.nameEn : r.nameZh}
                  </Link>
                </th>
                <td>{money(r.raisedFen)}</td>
                <td>{money(r.allocatedFen)}</td>
                <td>{money(r.spentFen)}</td>
                <td>{money(r.balanceFen)}</td>
                <td>{count(r.personTimes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shownProjects.length < projectCount ? (
          <p className="mt-2 text-muted">
            {t('projectsTop', { shown: shownProjects.length, total: projectCount })}{' '}
            <a href="/transparency/data/projects.csv" className="link" download>
              {t('projectsAll')}
            </a>
          </p>
        ) : null}
      </section>

      <BarChart
        id="category-chart"
        title={t('byCategory')}
        description={t('byCategoryDesc')}
        categories={byCategory.map((c) => ({ key: c.category, label: p(`categories.${c.category}`) }))}
        series={[{ key: 'out', label: t('outgo'), color: colors.out }]}
        values={Object.fromEntries(byCategory.map((c) => [c.category, { out: c.spentFen }]))}
        format={money}
        tableCaption={t('byCategory')}
        showTable={t('showTable')}
      />


      <nav className="card flex flex-col gap-2" aria-labelledby="more">
        <h2 id="more" className="font-bold">
          {t('more')}
        </h2>
        <ul className="flex flex-col gap-2">
          {[
            ['/transparency/payments', t('payments'), t('paymentsLink')],
            ['/transparency/areas', t('byArea'), t('byAreaLink')],
            ['/transparency/disclosures', t('disclosures'), t('disclosuresLink')],
          ].map(([href, label, hint]) => (
            <li key={href}>
              <Link href={href} className="link link-alone">
                {label}
              </Link>
              <span className="text-sm text-muted"> · {hint}</span>
            </li>
          ))}
        </ul>
      </nav>

      <section className="card flex flex-col gap-2" aria-labelledby="open-data">
        <h2 id="open-data" className="font-bold">
          {t('openData')}
        </h2>
        <p>{t('openDataIntro')}</p>
        <ul className="flex flex-wrap gap-3">
          {[
            ['journal.csv', t('journalCsv')],
            ['journal.json', t('journalJson')],
            ['payments.csv', t('paymentsCsv')],
            ['projects.csv', t('projectsCsv')],
            ['monthly.csv', t('monthlyCsv')],
            ['monthly.json', t('monthlyJson')],
          ].map(([file, label]) => (
            <li key={file}>
              <a href={`/transparency/data/${file}`} className="link link-alone" download>
                {label}
              </a>
            </li>
          ))}
        </ul>
        <p className="flex flex-wrap gap-3">
          <Link href="/transparency/verify" className="btn-secondary mt-2">
            {t('verify')}
          </Link>
        </p>
      </section>
    </div>
  );
}
