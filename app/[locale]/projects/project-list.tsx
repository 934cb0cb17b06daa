import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listProjectCards } from '@/lib/projects/queries';
import { Pager } from '../_components/pager';
import { ProjectCard } from '../_components/project-card';

const perPage = 12;
export const projectsPageHref = (n: number) => (n === 1 ? '/projects' : `/projects/p/${n}`);

/** One page of the project list: a phone shows a screenful at a time, however many projects there are. */
export async function ProjectList({ page }: { page: number }) {
  const [t, projects] = await Promise.all([getTranslations('projects'), listProjectCards(getDb())]);
  const pages = Math.max(1, Math.ceil(projects.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pages) notFound();
  return (
    <div>
      <h1 className="page-title mb-4">{t('title')}</h1>
      {projects.length === 0 ? <p>{t('empty')}</p> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {projects.slice((page - 1) * perPage, page * perPage).map((p) => (
          <ProjectCard key={p.id} project={p} />
        ))}
      </div>
      <Pager page={page} pages={pages} href={projectsPageHref} />
    </div>
  );
}
