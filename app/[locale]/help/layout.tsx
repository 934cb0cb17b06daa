import type { ReactNode } from 'react';
import { ClientMessages } from '../_components/client-messages';
import { cachedPageLocale, type LocaleParams } from '../_lib/cached-page';

// A cached page's layouts render apart from it: each one takes the locale from the URL itself.
export default async function Layout({ children, params }: { children: ReactNode } & LocaleParams) {
  await cachedPageLocale(params);
  return <ClientMessages namespaces={['help', 'needs', 'forms']}>{children}</ClientMessages>;
}
