import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listWorkload } from '@/lib/needs/queue';
import { ScrollArea } from '../../_components/scroll-area';
import { requirePermission } from '../../_lib/guard';

export default async function WorkloadPage() {
  const user = await requirePermission('case:read', '/workspace/workload');
  const [t, rows] = await Promise.all([getTranslations('workspace'), listWorkload(getDb(), user.actor)]);
  return (
    <div>
      <h1 className="page-title mb-4">{t('workloadTitle')}</h1>
      {/* Three columns of headings are wider than a phone with large text: the table scrolls, not the page. */}
      <ScrollArea label={t('workloadTitle')}>
        <table className="data-table card">
          <thead>
            <tr>
              <th scope="col">{t('assignee')}</th>
              <th scope="col">{t('openCases')}</th>
              <th scope="col">{t('overdueCases')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="font-semibold">
                  <a className="link link-alone" href={`/workspace?assignee=${r.id}`}>
                    {r.name}
                  </a>
                </th>
                <td>{r.open}</td>
                <td className={r.overdue ? 'font-bold text-brand-700' : ''}>{r.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
