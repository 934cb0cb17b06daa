import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getSessionUser } from '@/lib/auth/session';
import { certificateCode, certificatePath } from '@/lib/donations/certificates';
import type { Outcome } from '@/lib/donations/outcome';
import { formatFen } from '@/lib/money';
import { AutoRefresh } from '../../_components/auto-refresh';
import { ForgetDraft } from './forget-draft';

/** The page a donor returns to from the processor: "confirming…" until the payment event has been booked. */
export async function ThanksView({ outcome }: { outcome: Outcome }) {
  const [t, d, locale, user] = await Promise.all([getTranslations('donate.thanks'), getTranslations('donate'), getLocale(), getSessionUser()]);
  const project = (locale === 'en' ? outcome.projectNameEn : outcome.projectNameZh) ?? d('generalFund');
  const amount = formatFen(outcome.amountFen);
  const again = `/donate${outcome.projectSlug ? `?project=${outcome.projectSlug}` : ''}`;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <section className="card flex flex-col gap-3" aria-live="polite">
        {outcome.state === 'confirming' ? (
          <>
            <h1 className="page-title flex items-center gap-3">
              <span aria-hidden="true" className="size-6 animate-spin rounded-full border-4 border-brand-200 border-t-brand-600" />
              {t('confirmingTitle')}
            </h1>
            <p>{t('confirmingBody')}</p>
            <AutoRefresh active slowText={t('slow')} />
          </>
        ) : outcome.state === 'paid' ? (
          <>
            <ForgetDraft />
            <h1 className="page-title text-brand-700">{t('title')}</h1>
            <p className="text-lg">{outcome.monthly ? t('bodyMonthly', { amount, project }) : t('body', { amount, project })}</p>
            {outcome.certificate ? (
              <>
                <p className="text-muted" data-testid="certificate-no">
                  {t('certificateNo', { no: outcome.certificate.no })}
                </p>
                {/* A guest's gift is theirs by these two alone: nothing links it to an account. */}
                {user ? null : (
                  <p className="rounded-xl bg-sun-50 p-3" data-testid="save-code">
                    {t('saveCode', { code: certificateCode(outcome.certificate.no) })}
                  </p>
                )}
                <Link href={certificatePath(outcome.certificate.no)} className="btn-primary">
                  {t('certificate')}
                </Link>
              </>
            ) : null}
          </>
        ) : (
          <>
            <h1 className="page-title">{outcome.state === 'failed' ? t('failedTitle') : t('expiredTitle')}</h1>
            <p>{outcome.state === 'failed' ? t('failedBody') : t('expiredBody')}</p>
            <Link href={again} className="btn-primary">
              {t('again')}
            </Link>
          </>
        )}
      </section>
      <div className="flex flex-wrap gap-3">
        {user ? (
          <Link href="/me" className="btn-quiet flex-1">
            {t('mine')}
          </Link>
        ) : null}
        {outcome.projectSlug ? (
          <Link href={`/projects/${outcome.projectSlug}`} className="btn-quiet flex-1">
            {t('more')}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
