import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { verifyBalances, verifyChain } from '@/lib/ledger/verify';

export const metadata = { robots: { index: false } };

/** Anyone can ask the server to recompute the whole hash chain and every balance, and see the first broken link. */
export default async function VerifyPage() {
  const db = getDb();
  const [t, chain, mismatches] = await Promise.all([getTranslations('transparency'), verifyChain(db), verifyBalances(db)]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="page-title">{t('verifyTitle')}</h1>
      <p>{t('verifyIntro')}</p>
      <p className={`card text-lg font-bold ${chain.firstBrokenEntryId ? 'text-brand-700' : 'text-leaf-600'}`} data-testid="chain-result">
        {chain.firstBrokenEntryId ? t('chainBroken', { id: chain.firstBrokenEntryId, problem: chain.problem ?? '' }) : t('chainOk', { count: chain.entries })}
      </p>
      <p className="card">{mismatches.length ? t('balancesBad', { count: mismatches.length }) : t('balancesOk')}</p>
      <p className="break-all text-sm text-muted">
        {t('head')}: <code>{chain.headHash}</code>
      </p>
      <Link href="/transparency" className="link">
        ← {t('title')}
      </Link>
    </div>
  );
}
