import { getLocale, getTranslations } from 'next-intl/server';
import type { CertificateView } from '@/lib/donations/certificates';
import { env } from '@/lib/env';
import { formatFen } from '@/lib/money';
import { dateFormat } from '@/lib/i18n/dates';
import { orgParticulars } from '../_lib/org';

/** The certificate's wording in the reader's language, shared by the printable page and the PDF. */
export async function certificateText(c: CertificateView) {
  const [t, locale, org] = await Promise.all([getTranslations('certificate'), getLocale(), orgParticulars()]);
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
      [t('creditCode'), org.creditCode],
      [t('record'), org.record],
    ] as Array<[string, string]>,
    note,
    issuer: org.name,
    footer: t('verifyAt', { url: `${base}/certificates` }),
    metaTitle: `${t('title')} ${c.no}`,
  };
}
