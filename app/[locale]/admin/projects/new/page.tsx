import { getTranslations } from 'next-intl/server';
import { requirePermission } from '../../../_lib/guard';
import { AdminNav } from '../../_components/admin-nav';
import { ProjectForm } from '../project-form';
import { projectOptions } from '../options';

/** A new brand project: a draft by default, shown nowhere until an administrator makes it active. */
export default async function NewProjectPage() {
  await requirePermission('project:edit', '/admin/projects/new');
  const [t, options] = await Promise.all([getTranslations('donations.projects'), projectOptions()]);
  return (
    <div className="flex flex-col gap-5">
      <AdminNav current="/admin/projects" />
      <h1 className="page-title">{t('newTitle')}</h1>
      <ProjectForm project={{ status: 'draft', goal: '0', capacityPerMonth: '0', typicalCost: '0' }} coverImage={null} options={options} />
    </div>
  );
}
