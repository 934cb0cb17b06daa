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

/** The contact line ("0574-0000 0000 · someone@example.org") in its parts, each phone number and e-mail address tappable. */
export function contactParts(contact: string): { text: string; href?: string }[] {
  return contact.split(/\s+·\s+/).map((text) => {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { text, href: `mailto:${text}` };
    const digits = text.replace(/[\s()-]/g, '');
    return /^\+?\d{7,15}$/.test(digits) ? { text, href: `tel:${digits}` } : { text };
  });
}
