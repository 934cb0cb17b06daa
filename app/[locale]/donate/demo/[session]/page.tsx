import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findDemoCheckout } from '@/lib/donations/demo-checkout';
import { thanksPath } from '@/lib/donations/thanks-link';
import { demoPaymentsAllowed } from '@/lib/payments/demo/provider';
import { formatFen } from '@/lib/money';
import { cancelDemoPaymentAction, confirmDemoPaymentAction } from '../actions';

export default async function DemoCheckoutPage({ params }: { params: Promise<{ session: string }> }) {
  if (!demoPaymentsAllowed()) notFound();
  const { session } = await params;
  const [t, d, locale, checkout] = await Promise.all([
    getTranslations('donate.demo'),
    getTranslations('donate'),
    getLocale(),
    findDemoCheckout(getDb(), session),
  ]);
  if (!checkout) notFound();
  const project = (locale === 'en' ? checkout.projectNameEn : checkout.projectNameZh) ?? d('generalFund');
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <p className="rounded-xl border-2 border-sun-700 bg-sun-50 p-3 text-center text-lg font-bold text-sun-700" role="note">
        {t('banner')}
      </p>
      <div className="card flex flex-col gap-4">
        <h1 className="page-title">{t('title')}</h1>
        <p className="text-muted">{t('explain')}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted">{t('paying')}</dt>
          <dd className="text-2xl font-bold text-brand-700" data-testid="demo-amount">
            {formatFen(checkout.amountFen)}
            {checkout.kind === 'monthly' ? ` / ${t('monthly')}` : ''}
          </dd>
          <dt className="text-muted">{t('for')}</dt>
          <dd>{project}</dd>
        </dl>
        {checkout.open ? (
          <>
            <form action={confirmDemoPaymentAction}>
              <input type="hidden" name="session" value={session} />
              <button type="submit" className="btn-primary w-full min-h-14 text-lg">
                {t('confirm')}
              </button>
            </form>
            <form action={cancelDemoPaymentAction}>
              <input type="hidden" name="session" value={session} />
              <button type="submit" className="btn-quiet w-full">
                {t('cancel')}
              </button>
            </form>
          </>
        ) : (
          <>
            <p>{t('closed')}</p>
            <Link className="btn-secondary" href={thanksPath(checkout.kind === 'monthly' ? 'plan' : 'donation', checkout.id)}>
              {t('toThanks')}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
