import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { formatDay } from '@/lib/i18n/dates';
import { formatFen } from '@/lib/money';
import type { DisclosureContent } from '@/lib/reports/disclosures';

/** A disclosure's wording in the reader's language, shared by its page and its PDF. */
export async function disclosureText(content: DisclosureContent, kind: 'quarterly' | 'final', locale: string) {
  const [t, p] = await Promise.all([getTranslations({ locale, namespace: 'disclosure' }), getTranslations({ locale, namespace: 'payments' })]);
  const en = locale === 'en';
  const money = (f: number) => formatFen(f, { exact: true });
  return {
    kind: t(`kind.${kind}`),
    title: en ? content.project.nameEn : content.project.nameZh,
    period: t('period', { start: formatDay(locale, content.periodStart), end: formatDay(locale, content.periodEnd) }),
    org: t('org', { name: en ? env().ORG_NAME_EN : env().ORG_NAME_ZH }),
    figures: [
      [t('opening'), money(content.openingFen)],
      [t('donations'), `${money(content.donationsFen)} ${t('gifts', { count: content.gifts })}`],
      [t('allocatedIn'), money(content.allocatedInFen)],
      [t('refunds'), money(content.refundsFen)],
      [t('fees'), money(content.feesFen)],
      [t('spent'), money(content.spentFen)],
      [t('closing'), money(content.closingFen)],
    ] as Array<[string, string]>,
    people: { label: t('people'), personTimes: t('personTimes', { count: content.personTimes }), needsServed: t('needsServed', { count: content.needsServed }) },
    paymentsTitle: t('payments'),
    columns: [t('date'), t('purpose'), t('category'), t('amount')] as [string, string, string, string],
    payments: content.payments.map((x): [string, string, string, string] => [
      x.date,
      x.reversalNote === undefined ? x.purpose : t.markup('correction', { purpose: () => x.purpose, note: () => x.reversalNote! }),
      p(`categories.${x.category}`),
      money(x.amountFen),
    ]),
    noPayments: t('noPayments'),
  };
}
