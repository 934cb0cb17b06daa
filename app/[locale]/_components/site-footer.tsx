import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';

export async function SiteFooter() {
  const [t, locale] = await Promise.all([getTranslations('footer'), getLocale()]);
  const e = env();
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto max-w-5xl px-4 py-8 text-[0.95rem] text-muted">
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t('org')}</dt>
          <dd>{locale === 'en' ? e.ORG_NAME_EN : e.ORG_NAME_ZH}</dd>
          <dt className="font-semibold">{t('creditCode')}</dt>
          <dd>{e.ORG_CREDIT_CODE}</dd>
          <dt className="font-semibold">{t('record')}</dt>
          <dd>{e.ORG_FUNDRAISING_RECORD}</dd>
          <dt className="font-semibold">{t('contact')}</dt>
          <dd>{e.ORG_CONTACT}</dd>
        </dl>
        <p className="mt-4">{t('privacy')}</p>
        {e.DEMO_PAYMENTS ? <p className="mt-1">{t('demo')}</p> : null}
      </div>
    </footer>
  );
}
