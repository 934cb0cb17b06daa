import { Fragment } from 'react';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { contactParts, orgParticulars } from '../_lib/org';

export async function SiteFooter() {
  const [t, org] = await Promise.all([getTranslations('footer'), orgParticulars()]);
  const e = env();
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto max-w-5xl px-4 py-8 text-[0.95rem] text-muted">
        {/* The credit code and the e-mail address are each one long word: with large text on a phone they are broken rather than widen the page. */}
        <dl className="grid gap-x-6 gap-y-1 wrap-anywhere sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t('org')}</dt>
          <dd>{org.name}</dd>
          <dt className="font-semibold">{t('creditCode')}</dt>
          <dd>{org.creditCode}</dd>
          <dt className="font-semibold">{t('record')}</dt>
          <dd>{org.record}</dd>
          <dt className="font-semibold">{t('contact')}</dt>
          <dd>
            {contactParts(org.contact).map((part, i) => (
              <Fragment key={i}>
                {i > 0 ? ' · ' : null}
                {part.href ? (
                  <a href={part.href} className="link inline-block py-2">
                    {part.text}
                  </a>
                ) : (
                  part.text
                )}
              </Fragment>
            ))}
          </dd>
        </dl>
        <p className="mt-4">{t('privacy')}</p>
        {e.DEMO_PAYMENTS ? <p className="mt-1">{t('demo')}</p> : null}
      </div>
    </footer>
  );
}
