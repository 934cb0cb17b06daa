import { getTranslations } from 'next-intl/server';
import { requirePermission } from '../_lib/guard';

export default async function WorkspacePage() {
  const user = await requirePermission('case:read', '/workspace');
  const [t, a] = await Promise.all([getTranslations('workspace'), getTranslations('auth')]);
  return (
    <div>
      <p className="text-muted">{a('welcome', { name: user.name })}</p>
      <h1 className="page-title">{t('title')}</h1>
    </div>
  );
}
