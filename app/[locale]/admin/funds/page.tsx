import { randomUUID } from 'node:crypto';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listFundBalances } from '@/lib/ledger/balances';
import { formatFen } from '@/lib/money';
import { ScrollArea } from '../../_components/scroll-area';
import { requirePermission } from '../../_lib/guard';
import { AllocateForm } from './allocate-form';
import { AdminNav } from '../_components/admin-nav';

export default async function FundsPage() {
  await requirePermission('ledger:allocate', '/admin/funds');
  const [t, locale, funds] = await Promise.all([getTranslations('payments'), getLocale(), listFundBalances(getDb())]);
  const name = (p: { nameZh: string; nameEn: string }) => (locale === 'en' ? p.nameEn : p.nameZh);
  return (
    <div className="flex flex-col gap-5">
      <AdminNav current="/admin/funds" />
      <h1 className="page-title">{t('funds')}</h1>
      <p className="card text-lg">
        {t('general')}: <strong data-testid="general-fund">{formatFen(funds.generalFen, { exact: true })}</strong>
      </p>
      <AllocateForm intent={randomUUID()} projects={funds.projects.map((p) => ({ id: p.projectId, name: name(p) }))} />
      <section className="card">
        <h2 className="mb-2 font-bold">{t('balances')}</h2>
        {/* A project's name beside its balance is wider than a phone with large text: the table scrolls, not the page. */}
        <ScrollArea label={t('balances')}>
          <table className="data-table">
            <tbody>
              {funds.projects.map((p) => (
                <tr key={p.projectId}>
                  <th scope="row">{name(p)}</th>
                  <td className="text-right" data-testid={`fund-${p.slug}`} data-fen={p.balanceFen}>
                    {formatFen(p.balanceFen, { exact: true })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </section>
    </div>
  );
}
