import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listReceiptRequests } from '@/lib/donations/receipts';
import { formatFen } from '@/lib/money';
import { requirePermission } from '../../_lib/guard';
import { AdminNav } from '../_components/admin-nav';
import { ReceiptForm } from './receipt-form';
import { dateFormat } from '@/lib/i18n/dates';

export default async function ReceiptRequestsPage() {
  const admin = await requirePermission('receipt:issue', '/admin/receipts');
  const db = getDb();
  const actor = { userId: admin.id };
  const [t, d, locale, open, issued] = await Promise.all([
    getTranslations('donations.receipts'),
    getTranslations('donations'),
    getLocale(),
    listReceiptRequests(db, actor, 'open'),
    listReceiptRequests(db, actor, 'issued'),
  ]);
  const en = locale === 'en';
  const day = dateFormat(locale);
  const card = (r: (typeof open)[number], form: boolean) => (
    <li key={r.id} className="card flex flex-col gap-1" data-testid="receipt-request">
      <div className="flex justify-between gap-2">
        <p className="font-bold">{(en ? r.projectNameEn : r.projectNameZh) ?? d('generalFund')}</p>
        <p className="font-bold">{formatFen(r.amountFen - r.refundedFen, { exact: true })}</p>
      </div>
      <p className="text-sm text-muted">{r.paidAt ? day.format(r.paidAt) : ''} · {d('certificate')} {r.certificateNo}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-[0.95rem]">
        <dt className="text-muted">{t('legalName')}</dt><dd>{r.receipt?.legalName}</dd>
        <dt className="text-muted">{t('idNumber')}</dt><dd className="break-all">{r.receipt?.idNumber}</dd>
        <dt className="text-muted">{t('contact')}</dt><dd className="break-all">{r.contact ?? '—'}</dd>
        {r.receiptNumber ? (<><dt className="text-muted">{t('number')}</dt><dd>{r.receiptNumber}</dd></>) : null}
      </dl>
      {r.receiptIssuedAt ? <p className="text-sm text-muted">{t('issuedOn', { date: day.format(r.receiptIssuedAt) })}</p> : null}
      {form ? <ReceiptForm donationId={r.id} /> : null}
    </li>
  );
  return (
    <div className="flex flex-col gap-5">
      <AdminNav current="/admin/receipts" />
      <h1 className="page-title">{t('title')}</h1>
      <p className="text-muted">{t('intro')}</p>
      <section aria-labelledby="open" className="flex flex-col gap-3">
        <h2 id="open" className="text-xl font-bold">{t('open')}</h2>
        {open.length ? <ul className="flex flex-col gap-3">{open.map((r) => card(r, true))}</ul> : <p className="text-muted">{t('none')}</p>}
      </section>
      <section aria-labelledby="issued" className="flex flex-col gap-3">
        <h2 id="issued" className="text-xl font-bold">{t('issued')}</h2>
        {issued.length ? <ul className="flex flex-col gap-3">{issued.map((r) => card(r, false))}</ul> : <p className="text-muted">{t('noneIssued')}</p>}
      </section>
    </div>
  );
}
