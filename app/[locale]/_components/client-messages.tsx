import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * The catalogs for the client-side forms below it. Only the sections with such forms use it (their layouts),
 * so the public pages that have none ship neither the messages nor the formatting library.
 */
export function ClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
