import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { listPiiAccess } from '@/lib/needs/case-read';
import { countPurgeable } from '@/lib/needs/purge';
import { requirePermission } from '../../_lib/guard';
import { purgeAction } from './actions';
import { ScrollArea } from '../../_components/scroll-area';
import { ConfirmButton } from '../../_components/confirm-button';
import { AdminNav } from '../_components/admin-nav';

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ purged?: string }> }) {
  const admin = await requirePermission('pii_log:read', '/admin/privacy');
  const db = getDb();
  const months = env().PII_RETENTION_MONTHS;
  const [forms, t, r, format, log, purgeable, { purged }] = await Promise.all([
    getTranslations('forms'),
    getTranslations('admin'),
    getTranslations('roles'),
    getFormatter(),
    listPiiAccess(db, { userId: admin.id }),
    countPurgeable(db, admin.actor, months),
    searchParams,
  ]);
  return (
    <div className="flex flex-col gap-6">
      <AdminNav current="/admin/privacy" />
      <h1 className="page-title">{t('privacy')}</h1>
      <section className="card flex flex-col gap-3" aria-labelledby="purge">
        <h2 id="purge" className="font-bold">
          {t('purgeTitle')}
        </h2>
        <p>{t('purgeIntro', { months, count: purgeable })}</p>
        {purged ? (
          <p role="status" className="font-semibold text-leaf-600">
            {t('purged', { count: Number(purged) || 0 })}
          </p>
        ) : null}
        <form action={purgeAction}>
          <ConfirmButton backLabel={forms('back')} className="btn-secondary" disabled={purgeable === 0} question={t('purgeConfirm', { count: purgeable })} confirmLabel={t('purgeYes')}>
            {t('purge')}
          </ConfirmButton>
        </form>
      </section>
      <section aria-labelledby="log">
        <h2 id="log" className="mb-2 font-bold">
          {t('accessLog')}
        </h2>
        {log.length === 0 ? (
          <p className="card text-muted">{t('accessLogEmpty')}</p>
        ) : (
          <ScrollArea label={t('accessLog')}>
            <table className="data-table card">
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('who')}</th>
                  <th scope="col">{t('case')}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((l, i) => (
                  <tr key={i}>
                    <td>{format.dateTime(l.at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td>
                      {l.who} · {r(l.role)}
                    </td>
                    <td className="font-mono">{l.needCode ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </section>
    </div>
  );
}
