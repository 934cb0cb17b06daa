import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * The catalog sections that the client-side forms below it use, and only those: every string passed here is
 * sent twice with the page (in its HTML and in React's payload), so the whole catalog would triple a form's
 * page. Pages without such forms use none, and ship neither the messages nor the formatting library.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const all = await getMessages();
  const messages = Object.fromEntries(namespaces.map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
