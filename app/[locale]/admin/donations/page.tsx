import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { refundableFrom, unspentByDonation } from '@/lib/donations/admin-refund';
import { donationFiltersSchema, donationStatuses, listDonationsForAdmin } from '@/lib/donations/admin-list';
import { formatFen } from '@/lib/money';
import { listProjectNames } from '@/lib/projects/queries';
import { StatusBadge } from '../../_components/status-badge';
import { requirePermission } from '../../_lib/guard';
import { AdminNav } from '../_components/admin-nav';
import { RefundForm } from './refund-form';
import { dateFormat } from '@/lib/i18n/dates';

export default async function AdminDonationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const admin = await requirePermission('donation:read_all', '/admin/donations');
  const db = getDb();
  const filters = donationFiltersSchema.parse(await searchParams);
  const [t, locale, list, projects] = await Promise.all([
    getTranslations('donations'),
    getLocale(),
    listDonationsForAdmin(db, { userId: admin.id }, filters),
    listProjectNames(db),
  ]);
  const unspent = await unspentByDonation(db, list.rows.map((d) => d.id));
  const en = locale === 'en';
  const day = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const query = (over: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...over })) if (v !== undefined && v !== '' && k !== 'page') q.set(k, String(v));
    if (over.page && over.page !== 1) q.set('page', String(over.page));
    return q.toString();
  };
  const select = 'field-input min-h-11 py-1';
  const pageLabel = t(list.more ? 'pageMany' : 'page', { page: list.page, pages: list.pages });
  return (
    <div className="flex flex-col gap-5">
      <AdminNav current="/admin/donations" />
      <h1 className="page-title">{t('title')}</h1>
      <form method="get" className="card grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label={t('filters')}>
        <label className="flex flex-col"><span className="field-label">{t('statusLabel')}</span>
          <select name="status" defaultValue={filters.status ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {donationStatuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col"><span className="field-label">{t('projectLabel')}</span>
          <select name="project" defaultValue={filters.project ?? ''} className={select}>
            <option value="">{t('all')}</option>
            <option value="general">{t('generalFund')}</option>
            {projects.map((p) => <option key={p.slug} value={p.slug}>{en ? p.nameEn : p.nameZh}</option>)}
          </select>
        </label>
        <label className="flex flex-col"><span className="field-label">{t('providerLabel')}</span>
          <select name="provider" defaultValue={filters.provider ?? ''} className={select}>
            <option value="">{t('all')}</option>
            <option value="stripe">{t('provider.stripe')}</option>
            <option value="demo">{t('provider.demo')}</option>
          </select>
        </label>
        <label className="flex flex-col"><span className="field-label">{t('from')}</span>
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={select} /></label>
        <label className="flex flex-col"><span className="field-label">{t('to')}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={select} /></label>
        <label className="flex flex-col"><span className="field-label">{t('q')}</span>
          <input name="q" defaultValue={filters.q ?? ''} className={select} /></label>
        <div className="flex flex-wrap gap-2 sm:col-span-3">
          <button type="submit" className="btn-primary">{t('apply')}</button>
          <Link prefetch={false} href="/admin/donations" className="btn-quiet">{t('reset')}</Link>
          <a href={`/admin/donations/export?${query({})}`} className="btn-secondary">{t('export')}</a>
        </div>
        <p className="text-sm text-muted sm:col-span-3">{t('exportNote')}</p>
      </form>
      <p className="font-semibold" data-testid="donations-summary">{list.netFen === null ? t('summaryMany', { count: list.count }) : t('summary', { count: list.count, net: formatFen(list.netFen, { exact: true }) })}</p>
      {list.rows.length === 0 ? <p className="text-muted">{t('empty')}</p> : null}
      <ul className="flex flex-col gap-3">
        {list.rows.map((d) => {
          const refundable = refundableFrom(d, unspent.get(d.id) ?? 0);
          const canRefund = d.status === 'paid' || d.status === 'partially_refunded';
          return (
            <li key={d.id} className="card flex flex-col gap-1" data-testid="admin-donation">
              {/* The amount beside the donation while it fits (the words beside it wrapping), under it with large text on a phone. */}
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="flex-1">
                  <p className="font-bold">{(en ? d.projectNameEn : d.projectNameZh) ?? t('generalFund')}</p>
                  <p className="text-sm text-muted">
                    {day.format(d.createdAt)} · {t(`provider.${d.provider as 'stripe' | 'demo'}`)}
                    {d.monthly ? ` · ${t('monthly')}` : ''} · {t('donor', { name: d.anonymous ? t('anonymous') : (d.displayName ?? '—') })}
                  </p>
                  {d.certificateNo ? <p className="text-sm">{t('certificate')} {d.certificateNo}</p> : null}
                </div>
                <div className="text-right">
                  <p className="text-lg font-bold">{formatFen(d.amountFen, { exact: true })}</p>
                  <StatusBadge status={d.status} label={t(`status.${d.status}`)} />
                  {d.refundedFen > 0 ? <p className="text-sm text-muted">{t('refunded', { amount: formatFen(d.refundedFen, { exact: true }) })}</p> : null}
                </div>
              </div>
              {d.failedRefundFen > 0 ? <p className="text-sm font-semibold text-brand-700">{t('refundFailed', { amount: formatFen(d.failedRefundFen, { exact: true }) })}</p> : null}
              {canRefund ? <RefundForm intent={randomUUID()} donationId={d.id} refundableFen={refundable} /> : null}
            </li>
          );
        })}
      </ul>
      <nav className="flex items-center justify-between gap-2" aria-label={pageLabel}>
        {list.page > 1 ? <Link prefetch={false} className="btn-quiet" href={`?${query({ page: list.page - 1 })}`}>{t('prev')}</Link> : <span />}
        <span className="text-muted">{pageLabel}</span>
        {list.page < list.pages ? <Link prefetch={false} className="btn-quiet" href={`?${query({ page: list.page + 1 })}`}>{t('next')}</Link> : <span />}
      </nav>
    </div>
  );
}
