'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';

/** Where a link leads, as the browser's address says it: a path and the queue's `assignee`. */
const placeOf = (path: string, query: string) => `${path}?${new URLSearchParams(query).get('assignee') ?? ''}`;

/**
 * The workspace's menu, the page shown marked (`aria-current`, and drawn as chosen). Read from the address once the page
 * is in the browser: the server renders this page under its locale's path, which is not the address people see.
 */
export function WorkspaceNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [here, setHere] = useState<string | null>(null);
  useEffect(() => setHere(placeOf(window.location.pathname, window.location.search)), [pathname, searchParams]);
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {links.map((l) => {
        const [path, query = ''] = l.href.split('?');
        const current = here === placeOf(path, query);
        return (
          <Link
            prefetch={false}
            key={l.href}
            href={l.href}
            aria-current={current ? 'page' : undefined}
            className={`btn min-h-11 shrink-0 px-3 text-sm ${current ? 'bg-brand-600 text-white' : 'border border-line bg-white text-ink hover:bg-brand-50'}`}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
