import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getProjectForEdit } from '@/lib/projects/edit';
import { requirePermission } from '../../../_lib/guard';
import { AdminNav } from '../../_components/admin-nav';
import { ProjectForm } from '../project-form';
import { projectOptions } from '../options';

export default async function EditProjectPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ created?: string }> }) {
  const [{ slug }, { created }] = await Promise.all([params, searchParams]);
  const admin = await requirePermission('project:edit', `/admin/projects/${slug}`);
  const [t, locale, project, options] = await Promise.all([
    getTranslations('donations.projects'),
    getLocale(),
    getProjectForEdit(getDb(), { userId: admin.id }, slug),
    projectOptions(),
  ]);
  if (!project) notFound();
  return (
    <div className="flex flex-col gap-5">
      <AdminNav current="/admin/projects" />
      <h1 className="page-title">{t('editTitle', { name: locale === 'en' ? project.nameEn : project.nameZh })}</h1>
      <ProjectForm
        project={{
          projectId: project.id,
          slug: project.slug,
          nameZh: project.nameZh,
          nameEn: project.nameEn,
          summaryZh: project.summaryZh,
          summaryEn: project.summaryEn,
          storyZh: project.storyZh,
          storyEn: project.storyEn,
          goal: String(project.goalFen / 100),
          status: project.status,
          categories: project.categories.join(','),
          kinds: project.kinds.join(','),
          populations: project.populations.join(','),
          areaIds: project.areaIds.join(','),
          capacityPerMonth: String(project.capacityPerMonth),
          typicalCost: String(project.typicalCostFen / 100),
        }}
        coverImage={project.coverImage}
        options={options}
        justCreated={created === '1'}
      />
    </div>
  );
}
