import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { formatFen } from '@/lib/money';
import { getProjectDetail } from '@/lib/projects/detail';
import { OrgNotice } from '../../_components/org-notice';
import { ProgressBar } from '../../_components/progress-bar';
import { cachedPageLocale } from '../../_lib/cached-page';
import { dateFormat } from '@/lib/i18n/dates';
import { langOfTyped } from '@/lib/i18n/locales';
import { figureSpan } from '../../_lib/figures';

export { generateStaticParams } from '../../_lib/cached-page';

type Props = { params: Promise<{ slug: string; locale: string }> };

export async function generateMetadata({ params }: Props) {
  const [project, locale] = await Promise.all([getProjectDetail(getDb(), (await params).slug), cachedPageLocale(params)]);
  return { title: project ? (locale === 'en' ? project.nameEn : project.nameZh) : undefined };
}

export default async function ProjectPage({ params }: Props) {
  const { slug } = await params;
  await cachedPageLocale(params);
  const [t, locale, p] = await Promise.all([getTranslations('projects'), getLocale(), getProjectDetail(getDb(), slug)]);
  if (!p) notFound();
  const en = locale === 'en';
  const name = en ? p.nameEn : p.nameZh;
  const raisedText = t('raisedOf', { raised: formatFen(p.raisedFen), goal: formatFen(p.goalFen) });
  const day = dateFormat(locale);
  const story = (en ? p.storyEn : p.storyZh) || (en ? p.summaryEn : p.summaryZh);
  const stats = [
    { label: t('gifts'), value: p.gifts.toLocaleString('zh-CN'), id: 'gifts' },
    { label: t('beneficiaries'), value: p.beneficiaries.toLocaleString('zh-CN'), id: 'beneficiaries' },
    { label: t('personTimes'), value: p.personTimes.toLocaleString('zh-CN'), id: 'person-times' },
    { label: t('balance'), value: formatFen(p.balanceFen), id: 'balance' },
  ];
  return (
    <article className="flex flex-col gap-6" data-testid={`project-page-${p.slug}`}>
      <Link href="/projects" className="link link-alone">← {t('back')}</Link>
      {p.coverImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- served from our own route with its own caching
        <img src={p.coverImage} alt="" className="aspect-[16/9] w-full rounded-2xl object-cover" />
      ) : null}
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="page-title">{name}</h1>
          {p.isDemo ? <span className="badge bg-sun-50 text-sun-700">{t('demo')}</span> : null}
        </div>
        <p className="text-lg text-muted">{en ? p.summaryEn : p.summaryZh}</p>
      </header>

      <section aria-labelledby="progress" className="card flex flex-col gap-3">
        <h2 id="progress" className="text-xl font-bold">{t('progressTitle')}</h2>
        <ProgressBar value={p.raisedFen} max={p.goalFen} label={`${name}: ${raisedText}`} />
        <p className="text-lg font-semibold" data-testid="raised">{raisedText}</p>
        <dl className="figure-grid">
          {stats.map((s) => (
            <div key={s.id} className={`rounded-xl bg-paper p-3 text-center ${figureSpan(s.value)}`}>
              <dt className="text-sm text-muted">{s.label}</dt>
              <dd className="text-xl font-bold text-brand-700" data-testid={`stat-${s.id}`}>{s.value}</dd>
            </div>
          ))}
        </dl>
        {p.status === 'active' ? (
          <Link href={`/donate?project=${p.slug}`} className="btn-primary min-h-14 text-lg">{t('donateNow')}</Link>
        ) : (
          <p className="rounded-xl bg-sun-50 p-3 text-sun-700">{t('statusNotActive')}</p>
        )}
      </section>

      <section aria-labelledby="who" className="grid gap-4 sm:grid-cols-2">
        <div className="card">
          <h2 id="who" className="mb-2 text-lg font-bold">{t('whoTitle')}</h2>
          <ul className="flex flex-wrap gap-2">
            {p.populations.map((pop) => (
              <li key={pop} className="badge max-w-full whitespace-normal bg-brand-50 text-brand-800">{t(`populations.${pop}`)}</li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2 className="mb-2 text-lg font-bold">{t('whereTitle')}</h2>
          <p>{p.areas.length ? p.areas.map((a) => (en ? a.nameEn : a.nameZh)).join(en ? ', ' : '、') : t('wholeDistrict')}</p>
        </div>
      </section>

      <section aria-labelledby="story" className="card">
        <h2 id="story" className="mb-2 text-xl font-bold">{t('storyTitle')}</h2>
        {story.split(/\n{2,}/).map((para, i) => (
          <p key={i} className="mb-3 last:mb-0">{para}</p>
        ))}
      </section>

      <section aria-labelledby="spending" className="card">
        <h2 id="spending" className="mb-2 text-xl font-bold">{t('spendingTitle')}</h2>
        {p.spending.length === 0 ? (
          <p className="text-muted">{t('noSpending')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {p.spending.map((s) => (
              <li key={s.entryId} className="flex items-start justify-between gap-3 py-2">
                <div>
                  <p lang={langOfTyped(s.purpose, locale)}>{s.purpose}</p>
                  <p className="text-sm text-muted">
                    {day.format(s.postedAt)}
                    {s.category ? ` · ${t(`categories.${s.category}`)}` : ''}
                  </p>
                </div>
                <p className="shrink-0 font-bold">{formatFen(s.amountFen)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <OrgNotice />
    </article>
  );
}
