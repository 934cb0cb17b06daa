import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getSessionUser } from '@/lib/auth/session';
import { presetAmounts } from '@/lib/donations/amount';
import { env } from '@/lib/env';
import { formatFen } from '@/lib/money';
import { isDemoActive } from '@/lib/payments';
import { listProjectNames } from '@/lib/projects/queries';
import { OrgNotice } from '../_components/org-notice';
import { DonateForm } from './donate-form';

export async function generateMetadata() {
  return { title: (await getTranslations('donate'))('title') };
}

export default async function DonatePage({ searchParams }: { searchParams: Promise<{ project?: string; cancelled?: string; draft?: string }> }) {
  const [t, locale, user, projects, params] = await Promise.all([
    getTranslations('donate'),
    getLocale(),
    getSessionUser(),
    listProjectNames(getDb()),
    searchParams,
  ]);
  const e = env();
  const open = projects
    .filter((p) => p.status === 'active')
    .map((p) => ({ slug: p.slug, name: locale === 'en' ? p.nameEn : p.nameZh }));
  const wanted = params.project;
  const known = !wanted || wanted === 'general' || open.some((p) => p.slug === wanted);
  const signInHref = `/login?callbackUrl=${encodeURIComponent(`/donate?${wanted ? `project=${wanted}&` : ''}draft=1`)}`;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <div>
        <h1 className="page-title">{t('title')}</h1>
        <p className="mt-1 text-muted">{t('intro')}</p>
      </div>
      {isDemoActive() ? (
        <p className="rounded-xl border-2 border-sun-700 bg-sun-50 p-3 font-semibold text-sun-700" role="note">
          {t('demoBanner')}
        </p>
      ) : null}
      {params.cancelled ? <p className="rounded-xl bg-brand-50 p-3">{t('cancelled')}</p> : null}
      <p className="text-[0.95rem] text-muted">
        {user ? (
          t('signedInAs', { name: user.name })
        ) : (
          <>
            {t('guestHint')}{' '}
            <Link href={signInHref} className="link">
              {t('login')}
            </Link>
          </>
        )}
      </p>
      <DonateForm
        projects={open}
        initialProject={known ? (wanted ?? 'general') : 'general'}
        unknownProject={!known}
        presets={presetAmounts({ minFen: e.DONATION_MIN_FEN, maxFen: e.DONATION_MAX_FEN }).map((fen) => ({ fen, label: formatFen(fen) }))}
        min={formatFen(e.DONATION_MIN_FEN)}
        max={formatFen(e.DONATION_MAX_FEN)}
        intent={randomUUID()}
        signedIn={Boolean(user)}
        defaultName={user?.name ?? ''}
        restoreDraft={Boolean(params.cancelled || params.draft)}
        signInHref={signInHref}
      />
      <OrgNotice />
    </div>
  );
}
