import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { formatFen } from '@/lib/money';
import { listProjectCards } from '@/lib/projects/queries';
import { getHeadlineFigures } from '@/lib/reports/figures';
import { ProjectCard } from './_components/project-card';
import { cachedPageLocale, type LocaleParams } from './_lib/cached-page';
import { figureSpan } from './_lib/figures';

export { generateStaticParams } from './_lib/cached-page';

export default async function HomePage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const db = getDb();
  const [t, figures, projects] = await Promise.all([getTranslations('home'), getHeadlineFigures(db), listProjectCards(db)]);
  const stats = [
    { label: t('raised'), value: formatFen(figures.raisedFen), id: 'raised' },
    { label: t('validNeeds'), value: figures.validNeeds.toLocaleString('zh-CN'), id: 'valid-needs' },
    { label: t('personTimes'), value: figures.personTimes.toLocaleString('zh-CN'), id: 'person-times' },
    { label: t('projects'), value: String(figures.activeProjects), id: 'projects' },
  ];
  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-3xl bg-brand-50 px-5 py-8 sm:px-10">
        <h1 className="text-3xl font-bold leading-tight text-brand-800 sm:text-4xl">{t('heroTitle')}</h1>
        <p className="mt-3 max-w-2xl text-lg">{t('heroBody')}</p>
        <div className="mt-6 grid gap-3 sm:grid-cols-2">
          <Link href="/help" className="btn-primary min-h-16 flex-col text-xl">
            {t('askHelp')}
            <span className="text-sm font-normal">{t('askHelpHint')}</span>
          </Link>
          <Link href="/donate" className="btn-secondary min-h-16 flex-col text-xl">
            {t('give')}
            <span className="text-sm font-normal">{t('giveHint')}</span>
          </Link>
        </div>
        {/* Those who asked come back here: a full-size target, not a line of small print. */}
        <Link href="/track" className="btn-quiet mt-3 min-h-12 w-full text-lg sm:w-auto">
          {t('track')}
        </Link>
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures" className="mb-3 text-xl font-bold">
          {t('figures')}
        </h2>
        <dl className="figure-grid">
          {stats.map((s) => (
            <div key={s.id} className={`card text-center ${figureSpan(s.value)}`}>
              <dt className="text-muted">{s.label}</dt>
              <dd className="text-2xl font-bold text-brand-700" data-testid={`figure-${s.id}`}>
                {s.value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="how">
        <h2 id="how" className="mb-3 text-xl font-bold">
          {t('howTitle')}
        </h2>
        <ol className="grid grid-cols-1 gap-3 sm:grid-cols-4">
          {[t('how1'), t('how2'), t('how3'), t('how4')].map((step, i) => (
            <li key={step} className="card flex items-center gap-3">
              <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-600 font-bold text-white" aria-hidden="true">
                {i + 1}
              </span>
              <span className="min-w-0">{step}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="projects">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
          <h2 id="projects" className="text-xl font-bold">
            {t('projectsTitle')}
          </h2>
          <Link href="/projects" className="link">
            {t('allProjects')}
          </Link>
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.slice(0, 6).map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </div>
      </section>
    </div>
  );
}
