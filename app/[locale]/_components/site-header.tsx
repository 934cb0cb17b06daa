import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '../locale-actions';
import { AccountLinks } from './account-links';

export async function SiteHeader() {
  const [t, locale] = await Promise.all([getTranslations('nav'), getLocale()]);
  const links = [
    { href: '/projects', label: t('projects') },
    { href: '/help', label: t('help') },
    { href: '/donate', label: t('donate') },
    { href: '/transparency', label: t('transparency') },
  ];
  return (
    <header className="border-b border-line bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t('skip')}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 no-underline">
          <HeartMark />
          <span className="flex flex-col leading-tight">
            <span className="text-xl font-bold text-brand-700">{t('brand')}</span>
            <span className="text-sm text-muted">{t('brandSub')}</span>
          </span>
        </Link>
        {/* Signed in, the account's two buttons join the language's: with large text they go under one another. */}
        <div className="flex flex-wrap items-center gap-2">
          <form action={setLocale}>
            <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
            <button type="submit" className="btn-quiet min-h-11 px-3 text-sm" lang={locale === 'en' ? 'zh-CN' : 'en'}>
              {t('switchTo')}
            </button>
          </form>
          <AccountLinks
            labels={{ login: t('login'), logout: t('logout'), donor: t('me'), social_worker: t('workspace'), admin: t('admin') }}
          />
        </div>
      </div>
      <nav aria-label={t('main')} className="border-t border-line bg-brand-50">
        {/* Four across on a phone; with larger text, fewer to a line (never a word broken in two). */}
        <ul className="mx-auto grid max-w-5xl grid-cols-[repeat(auto-fit,minmax(4.5rem,1fr))] px-1">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                className="flex min-h-12 items-center justify-center px-0.5 text-center text-[0.95rem] leading-tight font-semibold break-keep text-brand-800 no-underline hover:bg-brand-100 sm:text-base"
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function HeartMark() {
  return (
    <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
      <rect width="40" height="40" rx="12" fill="#b8322a" />
      <path
        d="M20 30s-9-5.6-9-12a5 5 0 0 1 9-3 5 5 0 0 1 9 3c0 6.4-9 12-9 12z"
        fill="#fff"
      />
    </svg>
  );
}
