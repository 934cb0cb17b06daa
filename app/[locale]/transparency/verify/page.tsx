import Link from 'next/link';
import { after } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { dateFormat } from '@/lib/i18n/dates';
import { brokenCheck, checkInBackground, checkOnVisit, needsBackgroundCheck } from '@/lib/ledger/checks';

export const metadata = { robots: { index: false } };

/**
 * The latest re-check of the hash chain, and of every balance: newer entries are checked as a visitor asks
 * (a bounded number per visit), and the whole journal from its first entry once a day, after a response —
 * never the whole journal on a visitor's request. Anyone can recompute it all from the open data.
 */
export default async function VerifyPage() {
  const db = getDb();
  const [t, locale, state] = await Promise.all([getTranslations('transparency'), getLocale(), checkOnVisit(db)]);
  if (needsBackgroundCheck(state)) after(() => checkInBackground(db, state));
  const { latest, latestFull, newestEntryId } = state;
  const broken = brokenCheck(state);
  const time = (d: Date) => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="page-title">{t('verifyTitle')}</h1>
      <p>{t('verifyIntro')}</p>
      <div className={`card flex flex-col gap-1 ${broken ? 'text-brand-700' : ''}`} data-testid="chain-result">
        <p className={`text-lg font-bold ${broken ? '' : 'text-leaf-600'}`}>
          {broken
            ? t('chainBroken', { id: broken.brokenEntryId!, problem: broken.problem ?? '' })
            : latest
              ? t('chainOk', { count: latest.entries, through: latest.throughEntryId })
              : t('chainPending')}
        </p>
        {latest ? <p className="text-muted">{t('checkedAt', { time: time(latest.checkedAt) })}</p> : null}
        {newestEntryId > (latest?.throughEntryId ?? 0) ? <p className="text-muted">{t('newerEntries', { newest: newestEntryId })}</p> : null}
      </div>
      <div className="card flex flex-col gap-1" data-testid="full-check">
        <h2 className="font-bold">{t('fullCheck')}</h2>
        {latestFull ? (
          <>
            <p>{t('fullCheckAt', { time: time(latestFull.checkedAt), count: latestFull.entries })}</p>
            <p>{latestFull.brokenEntryId ? t('chainBroken', { id: latestFull.brokenEntryId, problem: latestFull.problem ?? '' }) : t('fullChainOk')}</p>
            <p>{latestFull.balanceMismatches ? t('balancesBad', { count: latestFull.balanceMismatches }) : t('balancesOk')}</p>
          </>
        ) : (
          <p>{t('fullCheckPending')}</p>
        )}
      </div>
      {latest ? (
        <p className="break-all text-sm text-muted">
          {t('head')}: <code>{latest.headHash}</code>
        </p>
      ) : null}
      <p>{t('verifyYourself')}</p>
      <Link href="/transparency" className="link link-alone">
        ← {t('title')}
      </Link>
    </div>
  );
}
