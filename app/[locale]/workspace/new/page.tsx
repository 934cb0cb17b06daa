import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { listAreas } from '@/lib/places';
import { enterNeedAction } from '../../help/actions';
import { IntakeForm } from '../../help/intake-form';
import { requirePermission } from '../../_lib/guard';
import { ClientMessages } from '../../_components/client-messages';

export default async function NewNeedPage() {
  await requirePermission('case:act', '/workspace/new');
  const [t, areas] = await Promise.all([getTranslations('workspace'), listAreas()]);
  return (
    <ClientMessages namespaces={['help', 'needs', 'forms']}>
      <div className="mx-auto w-full max-w-2xl">
        <h1 className="page-title">{t('newTitle')}</h1>
        <p className="mb-5 mt-1">{t('newIntro')}</p>
        <IntakeForm areas={areas} retentionMonths={env().PII_RETENTION_MONTHS} action={enterNeedAction} staff />
      </div>
    </ClientMessages>
  );
}
