import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { isLocale } from '@/lib/i18n/locales';
import { accountHintScript } from './_components/account-hint';
import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import '../globals.css';

/**
 * The locale is a path segment inside the app (proxy.ts rewrites /x to /zh-CN/x or /en/x from the
 * NEXT_LOCALE cookie), so pages the same for every visitor can be cached per locale (_lib/cached-page.ts).
 * A backstop for them: public changes re-render cached pages within a second (lib/cache/page-cache.js).
 */
export const revalidate = 3600;

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : 'zh-CN', namespace: 'meta' });
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b8322a' };

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    // The inline script may mark <html> before React hydrates it (account-hint.ts).
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: accountHintScript }} />
      </head>
      <body className="flex min-h-screen flex-col">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
