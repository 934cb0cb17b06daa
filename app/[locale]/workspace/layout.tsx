import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { WorkspaceNav } from './workspace-nav';

/**
 * Links in the signed-in areas (workspace, admin, a donor's page) do not prefetch: every page there is rendered
 * per request and none has a loading boundary, so a prefetch brings only the route's outline and the click waits
 * for the server all the same. With prefetching on, one look at the queue sent 35 such requests.
 */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const [t, p] = await Promise.all([getTranslations('workspace'), getTranslations('payments')]);
  const links = [
    { href: '/workspace', label: t('queue') },
    { href: '/workspace?assignee=me', label: t('mine') },
    { href: '/workspace?assignee=none', label: t('unassigned') },
    { href: '/workspace/proposals', label: t('proposals') },
    { href: '/workspace/new', label: t('newNeed') },
    { href: '/workspace/payments', label: p('title') },
    { href: '/workspace/workload', label: t('workload') },
  ];
  return (
    <div className="flex flex-col gap-4">
      <WorkspaceNav label={t('title')} links={links} />
      {children}
    </div>
  );
}
