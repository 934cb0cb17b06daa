import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * Previous / next links between numbered pages; `href(n)` is page n's address. Past the last page, back leads to the last.
 * `prefetch={false}` for pages rendered per request (see workspace/layout.tsx).
 */
export async function Pager({ page, pages, href, prefetch }: { page: number; pages: number; href: (n: number) => string; prefetch?: false }) {
  if (pages <= 1) return null;
  const t = await getTranslations('common');
  return (
    <nav aria-label={t('pages')} className="mt-6 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link prefetch={prefetch} href={href(Math.min(page - 1, pages))} className="btn-secondary min-h-12 px-4" rel="prev">
          {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link prefetch={prefetch} href={href(page + 1)} className="btn-secondary min-h-12 px-4" rel="next">
          {t('next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
