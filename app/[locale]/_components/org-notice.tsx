import { getTranslations } from 'next-intl/server';
import { orgParticulars } from '../_lib/org';

/** The fundraising organisation's legal particulars, which every donation page shows (慈善法 online fundraising). */
export async function OrgNotice() {
  const [t, org] = await Promise.all([getTranslations('donate.org'), orgParticulars()]);
  return (
    <section aria-labelledby="org-notice" className="rounded-2xl border border-line bg-white p-4 text-[0.95rem]">
      <h2 id="org-notice" className="mb-1 font-bold">
        {t('title')}
      </h2>
      <dl className="grid gap-x-3 text-muted sm:grid-cols-[auto_1fr] [&_dd]:mb-1 sm:[&_dd]:mb-0">
        <dt>{t('name')}</dt>
        <dd className="text-ink">{org.name}</dd>
        <dt>{t('creditCode')}</dt>
        <dd className="break-all text-ink">{org.creditCode}</dd>
        <dt>{t('record')}</dt>
        <dd className="break-all text-ink">{org.record}</dd>
      </dl>
    </section>
  );
}
