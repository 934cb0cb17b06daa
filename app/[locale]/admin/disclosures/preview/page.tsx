import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { previewDisclosure } from '@/lib/reports/disclosures';
import { DisclosureView } from '../../../_components/disclosure-view';
import { requirePermission } from '../../../_lib/guard';
import { AdminNav } from '../../_components/admin-nav';
import { PublishForm } from '../publish-form';

const query = z.object({
  project: z.string().uuid(),
  kind: z.enum(['quarterly', 'final']),
  start: z.iso.date(),
  end: z.iso.date(),
});

export default async function PreviewPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const admin = await requirePermission('report:publish', '/admin/disclosures');
  const parsed = query.safeParse(await searchParams);
  // Opened without which report (a bookmark, an edited address): the list to choose from.
  if (!parsed.success) redirect('/admin/disclosures');
  const [t, content] = await Promise.all([getTranslations('disclosure'), previewDisclosure(getDb(), admin.actor, parsed.data.project, parsed.data.start, parsed.data.end)]);
  return (
    <div className="flex flex-col gap-3">
      <div className="print:hidden">
        <AdminNav current="/admin/disclosures" />
      </div>
      <p className="badge self-start bg-sun-50 text-sun-700">{t('draft')}</p>
      <DisclosureView content={content} kind={parsed.data.kind} />
      {/* Published from here as from the list (a period published already leads to the published one). */}
      <PublishForm
        due={{ projectId: parsed.data.project, kind: parsed.data.kind, start: parsed.data.start, end: parsed.data.end, nameZh: content.project.nameZh, nameEn: content.project.nameEn }}
        className="self-start print:hidden"
      />
    </div>
  );
}
