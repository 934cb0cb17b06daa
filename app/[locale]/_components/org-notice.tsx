import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';

/** The fundraising organisation's legal particulars, which every donation page shows (慈善法 online fundraising). */
export async function OrgNotice() {
  const [t, locale] = await Promise.all([getTranslations('donate.org'), getLocale()]);
  const e = env();
  return (
    <section aria-labelledby="org-notice" className="rounded-2xl border border-line bg-white p-4 text-[0.95rem]">
      <h2 id="org-notice" className="mb-1 font-bold">
        {t('title')}
      </h2>
      <dl className="grid gap-x-3 text-muted sm:grid-cols-[auto_1fr] [&_dd]:mb-1 sm:[&_dd]:mb-0">
        <dt>{t('name')}</dt>
        <dd className="text-ink">{locale === 'en' ? e.ORG_NAME_EN : e.ORG_NAME_ZH}</dd>
        <dt>{t('creditCode')}</dt>
        <dd className="break-all text-ink">{e.ORG_CREDIT_CODE}</dd>
        <dt>{t('record')}</dt>
        <dd className="break-all text-ink">{e.ORG_FUNDRAISING_RECORD}</dd>
      </dl>
    </section>
  );
}
