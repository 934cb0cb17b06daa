import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { listDisbursements, listEvidenceFor } from '@/lib/disbursements/disbursements';
import { listFundBalances } from '@/lib/ledger/balances';
import { formatFen } from '@/lib/money';
import { normalizeTrackingCode } from '@/lib/needs/code';
import { listProjectNames } from '@/lib/projects/queries';
import { requirePermission } from '../../_lib/guard';
import { DecideForm, RequestPaymentForm, ReverseForm } from './payment-forms';
import { ClientMessages } from '../../_components/client-messages';
import { StatusBadge } from '../../_components/status-badge';

/** Opened from a case (`?project=…&need=…`): the request starts filled in for it. */
export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('disbursement:request', '/workspace/payments');
  const { project, need } = await searchParams;
  const db = getDb();
  const actor = user.actor;
  const [t, format, locale, rows, projects] = await Promise.all([
    getTranslations('payments'),
    getFormatter(),
    getLocale(),
    listDisbursements(db, actor),
    listProjectNames(db),
  ]);
  const decider = can(user.role, 'disbursement:decide');
  const [evidence, funds] = await Promise.all([
    listEvidenceFor(db, actor, rows.map((r) => r.id)),
    // What each project holds, beside a request waiting for a decision (public figures).
    decider && rows.some((r) => r.status === 'requested') ? listFundBalances(db) : null,
  ]);
  const holds = new Map(funds?.projects.map((p) => [p.projectId, p.balanceFen]) ?? []);
  const held = (projectId: string) => holds.get(projectId) ?? 0;
  // What a decision's question names: the amount, the project and the payee, so the dialog alone says which payment.
  const named = (r: (typeof rows)[number]) =>
    t('paymentNamed', { amount: formatFen(r.amountFen, { exact: true }), project: (locale === 'en' ? r.projectNameEn : r.projectName) ?? '', payee: r.payee });
  return (
    <ClientMessages namespaces={['payments', 'forms']}>
      <div className="flex flex-col gap-5">
        <h1 className="page-title">{t('title')}</h1>
        <p>{t('intro')}</p>
        <RequestPaymentForm
          projects={projects.map((p) => ({ id: p.id, name: locale === 'en' ? p.nameEn : p.nameZh }))}
          initial={{
            projectId: projects.find((p) => p.id === project)?.id,
            needCode: typeof need === 'string' ? (normalizeTrackingCode(need) ?? undefined) : undefined,
          }}
        />
        {rows.length === 0 ? <p className="card">{t('empty')}</p> : null}
        <ul className="flex flex-col gap-3">
          {rows.map((r) => (
            <li key={r.id} className="card flex flex-col gap-2" data-testid="payment-row">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-bold">
                  {locale === 'en' ? r.projectNameEn : r.projectName} · {formatFen(r.amountFen, { exact: true })}
                </p>
                <StatusBadge status={`payment_${r.status}`} label={t(`status.${r.status}`)} />
              </div>
              <p>
                {r.purpose} · {t(`categories.${r.category}`)} · {r.payee}
                {r.needCode ? ` · ${r.needCode}` : ''}
              </p>
              <p className="text-sm text-muted">
                {t('requestedBy', { name: r.requestedByName, date: format.dateTime(r.requestedAt, { dateStyle: 'medium' }) })}
                {r.decidedByName ? ` · ${t('decidedBy', { name: r.decidedByName })}` : ''}
              </p>
              {r.decisionReason ? <p className="text-sm">{t('decisionReasonLabel', { reason: r.decisionReason })}</p> : null}
              {r.status === 'reversed' && r.reversedAt ? (
                <p className="text-sm" data-testid="reversal">
                  {t('reversedBy', { name: r.reversedByName ?? '—', date: format.dateTime(r.reversedAt, { dateStyle: 'medium' }), note: r.reversalNote ?? '' })}
                </p>
              ) : null}
              <p className="text-sm">
                {t('filesLabel')}
                {evidence.get(r.id)?.map((e) => (
                  <a key={e.id} href={`/api/evidence/${e.id}`} className="link link-alone mr-3">
                    {e.fileName}
                  </a>
                )) ?? t('noFiles')}
              </p>
              {r.status === 'approved' && decider ? <ReverseForm id={r.id} what={named(r)} /> : null}
              {r.status === 'requested' && funds ? (
                <p className={`text-sm ${held(r.projectId) < r.amountFen ? 'font-semibold text-brand-700' : 'text-muted'}`} data-testid="project-holds">
                  {t(held(r.projectId) < r.amountFen ? 'holdsTooLittle' : 'holds', { amount: formatFen(held(r.projectId), { exact: true }) })}
                </p>
              ) : null}
              {r.status === 'requested' && decider ? (
                r.requestedById === user.id ? <p className="text-muted">{t('yours')}</p> : <DecideForm id={r.id} what={named(r)} hasEvidence={Boolean(evidence.get(r.id)?.length)} />
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </ClientMessages>
  );
}
