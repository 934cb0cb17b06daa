import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const links = [
  { href: '/admin', key: 'staff' },
  { href: '/admin/donations', key: 'donations' },
  { href: '/admin/receipts', key: 'receipts' },
  { href: '/admin/projects', key: 'projects' },
  { href: '/admin/funds', key: 'funds' },
  { href: '/admin/disclosures', key: 'disclosures' },
  { href: '/admin/calendar', key: 'calendar' },
  { href: '/admin/privacy', key: 'privacy' },
] as const;

export async function AdminNav({ current }: { current: (typeof links)[number]['href'] }) {
  const t = await getTranslations('donations.nav');
  return (
    <nav aria-label={t('label')} className="-mx-1 flex flex-wrap gap-2">
      {links.map((l) => (
        <Link prefetch={false} key={l.href} href={l.href} aria-current={l.href === current ? 'page' : undefined}
          className={`btn min-h-11 px-4 text-sm ${l.href === current ? 'bg-brand-600 text-white' : 'border border-line bg-white text-ink hover:bg-brand-50'}`}>
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}
