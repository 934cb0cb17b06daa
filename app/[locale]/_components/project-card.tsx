import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ProjectCard as Card } from '@/lib/projects/queries';
import { formatFen } from '@/lib/money';
import { ProgressBar } from './progress-bar';

export async function ProjectCard({ project }: { project: Card }) {
  const [t, locale] = await Promise.all([getTranslations('projects'), getLocale()]);
  const en = locale === 'en';
  const name = en ? project.nameEn : project.nameZh;
  const raisedText = t('raisedOf', { raised: formatFen(project.raisedFen), goal: formatFen(project.goalFen) });
  return (
    <article className="card flex flex-col gap-3" data-testid={`project-${project.slug}`}>
      {/* With large text on a phone the badge and the two buttons go under one another rather than widen the card. */}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-bold leading-snug">
          <Link href={`/projects/${project.slug}`} className="text-ink no-underline hover:text-brand-700">
            {name}
          </Link>
        </h3>
        {project.isDemo ? <span className="badge max-w-full shrink-0 whitespace-normal bg-sun-50 text-sun-700">{t('demo')}</span> : null}
      </div>
      <p className="text-muted">{en ? project.summaryEn : project.summaryZh}</p>
      <div className="mt-auto flex flex-col gap-1">
        <ProgressBar value={project.raisedFen} max={project.goalFen} label={`${name}: ${raisedText}`} />
        <p className="text-[0.95rem]" data-testid="raised">
          {raisedText}
        </p>
        <p className="text-sm text-muted">
          {t('donors', { count: project.gifts })} · {t('served', { count: project.personTimes })}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link href={`/donate?project=${project.slug}`} className="btn-primary flex-1">
          {t('donate')}
        </Link>
        <Link href={`/projects/${project.slug}`} className="btn-quiet flex-1">
          {t('detail')}
        </Link>
      </div>
    </article>
  );
}
