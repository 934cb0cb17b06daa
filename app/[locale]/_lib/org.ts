import { getLocale, getTranslations } from 'next-intl/server';
import { demoOrg, env } from '@/lib/env';

/**
 * The fundraising organisation's legal particulars in the reader's language (慈善法: shown wherever money is asked
 * for); the placeholders a site starts with are marked as demo values, in that language too.
 */
export async function orgParticulars() {
  const [t, locale] = await Promise.all([getTranslations('footer'), getLocale()]);
  const e = env();
  const marked = (value: string, placeholder: string) => (value === placeholder ? t('demoValue', { value }) : value);
  return {
    name: locale === 'en' ? e.ORG_NAME_EN : e.ORG_NAME_ZH,
    creditCode: marked(e.ORG_CREDIT_CODE, demoOrg.creditCode),
    record: marked(e.ORG_FUNDRAISING_RECORD, demoOrg.record),
    contact: e.ORG_CONTACT,
  };
}
