import { getLocale, getTranslations } from 'next-intl/server';
import type { CertificateView } from '@/lib/donations/certificates';
import { env } from '@/lib/env';
import { formatFen } from '@/lib/money';
import { dateFormat } from '@/lib/i18n/dates';

/** The certificate's wording in the reader's language, shared by the printable page and the PDF. */
export async function certificateText(c: CertificateView) {
  const [t, locale] = await Promise.all([getTranslations('certificate'), getLocale()]);
  const e = env();
  const en = locale === 'en';
  const date = dateFormat(locale, { dateStyle: 'long' }).format(c.paidAt);
  const projectName = en ? c.projectNameEn : c.projectNameZh;
  const purpose = projectName ? t('project', { name: projectName }) : t('generalFund');
  const donor = c.donorName ?? (c.anonymous ? t('anonymousDonor') : t('defaultDonor'));
  const amount = formatFen(c.amountFen);
  const base = e.PUBLIC_BASE_URL ?? e.NEXTAUTH_URL ?? '';
  const note =
    c.status === 'refunded'
      ? t('refunded')
      : c.status === 'partially_refunded'
        ? t('partiallyRefunded', { amount: formatFen(c.amountFen - c.refundedFen) })
        : undefined;
  return {
    title: t('title'),
    subtitle: t('subtitle'),
    body: t(c.monthly ? 'bodyMonthly' : 'body', { donor, date, amount, purpose }),
    rows: [
      [t('no'), c.no],
      [t('code'), c.code],
      [t('amount'), amount],
      [t('date'), date],
      [t('purpose'), purpose],
      [t('creditCode'), e.ORG_CREDIT_CODE],
      [t('record'), e.ORG_FUNDRAISING_RECORD],
    ] as Array<[string, string]>,
    note,
    issuer: en ? e.ORG_NAME_EN : e.ORG_NAME_ZH,
    footer: t('verifyAt', { url: `${base}/certificates` }),
    metaTitle: `${t('title')} ${c.no}`,
  };
}
