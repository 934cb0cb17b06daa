import Link from 'next/link';
import { DonationTrace } from '../_components/donation-trace';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listOwnDonations } from '@/lib/donations/donor-views';
import { listOwnPlans } from '@/lib/donations/plans';
import { traceDonations } from '@/lib/ledger/trace';
import { formatFen } from '@/lib/money';
import { StatusBadge } from '../_components/status-badge';
import { requirePermission } from '../_lib/guard';
import { cancelPlanAction } from './actions';
import { dateFormat } from '@/lib/i18n/dates';
import { ConfirmButton } from '../_components/confirm-button';

export default async function MyGivingPage({ searchParams }: { searchParams: Promise<{ planCancelled?: string }> }) {
  const user = await requirePermission('own_giving:read', '/me');
  const db = getDb();
  const actor = user.actor;
  const [forms, t, a, s, locale, donations, plans, params] = await Promise.all([
    getTranslations('forms'),
    getTranslations('me'),
    getTranslations('auth'),
    getTranslations('donations.status'),
    getLocale(),
    listOwnDonations(db, actor),
    listOwnPlans(db, actor),
    searchParams,
  ]);
  const traces = await traceDonations(db, donations.filter((d) => d.certificateNo).map((d) => d.id));
  const en = locale === 'en';
  const day = dateFormat(locale);
  return (
    <div className="flex flex-col gap-6">
      <p className="text-muted">{a('welcome', { name: user.name })}</p>
      <h1 className="page-title">{t('title')}</h1>

      <section aria-labelledby="plans" className="flex flex-col gap-3">
        <h2 id="plans" className="text-xl font-bold">{t('plans')}</h2>
        {params.planCancelled ? (
          <p role="status" className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">
            {t('planCancelled')}
          </p>
        ) : null}
        {plans.length === 0 ? (
          <p className="text-muted">
            {t('noPlans')}{' '}
            <Link prefetch={false} href="/donate" className="link">{t('startPlan')}</Link>
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {plans.map((p) => (
              <li key={p.id} className="card flex flex-col gap-2" data-testid="plan">
                {/* The status beside the plan's fund while it fits, under it with large text on a phone. */}
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0 flex-1 font-bold">{(en ? p.projectNameEn : p.projectNameZh) ?? t('generalFund')}</p>
                  <StatusBadge status={p.status} label={t(`planStatus.${p.status}`)} />
                </div>
                <p className="text-lg">{t('planAmount', { amount: formatFen(p.amountFen) })}</p>
                <p className="text-sm text-muted">{t('planGiven', { months: p.months, total: formatFen(p.givenFen) })}</p>
                {p.status !== 'cancelled' ? (
                  <form action={cancelPlanAction} className="flex flex-col gap-1">
                    <input type="hidden" name="planId" value={p.id} />
                    <p className="text-sm text-muted">{t('cancelConfirm')}</p>
                    <ConfirmButton backLabel={forms('back')} className="btn-quiet self-start" question={t('cancelQuestion', { amount: formatFen(p.amountFen) })} confirmLabel={t('cancelYes')}>
                      {t('cancelPlan')}
                    </ConfirmButton>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="gifts" className="flex flex-col gap-3">
        <h2 id="gifts" className="text-xl font-bold">{t('gifts')}</h2>
        {donations.length === 0 ? (
          <div className="card">
            <p>{t('empty')}</p>
            <Link prefetch={false} href="/donate" className="btn-primary mt-3">{t('giveNow')}</Link>
          </div>
        ) : (
          <ul className="flex flex-col gap-3">
            {donations.map((d) => (
              <li key={d.id} className="card flex flex-col gap-2" data-testid="my-donation">
                {/* The amount beside the gift while it fits (the words beside it wrapping), under it with large text on a phone. */}
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="flex-1">
                    <p className="font-bold">{(en ? d.projectNameEn : d.projectName) ?? t('generalFund')}</p>
                    <p className="text-sm text-muted">
                      {day.format(d.paidAt ?? d.createdAt)}
                      {d.monthly ? ` · ${t('monthlyGift')}` : ''}
                      {d.anonymous ? ` · ${t('anonymous')}` : ''}
                    </p>
                  </div>
                  <p className="text-xl font-bold text-brand-700">{formatFen(d.amountFen)}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={d.status} label={s(d.status)} />
                  {d.refundedFen > 0 ? <span className="text-sm text-muted">{t('refunded', { amount: formatFen(d.refundedFen) })}</span> : null}
                </div>
                {d.certificateHref ? (
                  <Link prefetch={false} href={d.certificateHref} className="link link-alone">
                    {t('certificate')} {d.certificateNo}
                  </Link>
                ) : null}
                {d.receiptNumber ? (
                  <p className="text-sm">{t('receiptNumber', { number: d.receiptNumber })}</p>
                ) : d.receiptRequested ? (
                  <p className="text-sm text-muted">{t('receiptRequested')}</p>
                ) : null}
                {traces.has(d.id) ? <DonationTrace trace={traces.get(d.id)!} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
