import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listProjectCards } from '@/lib/projects/queries';
import { ProjectCard } from '../_components/project-card';
import { cachedPageLocale, type LocaleParams } from '../_lib/cached-page';

export { generateStaticParams } from '../_lib/cached-page';

export default async function ProjectsPage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const [t, projects] = await Promise.all([getTranslations('projects'), listProjectCards(getDb())]);
  return (
    <div>
      <h1 className="page-title mb-4">{t('title')}</h1>
      {projects.length === 0 ? <p>{t('empty')}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {projects.map((p) => (
          <ProjectCard key={p.id} project={p} />
        ))}
      </div>
    </div>
  );
}
