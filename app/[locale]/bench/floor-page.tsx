import { getTranslations } from 'next-intl/server';

/**
 * The framework's floor for `npm run bench`: a page about the size of the home page, built from the catalogs,
 * touching no database. Served once as a static page and once rendered per request.
 */
export async function FloorPage({ variant }: { variant: string }) {
  const [t, h] = await Promise.all([getTranslations('home'), getTranslations('help')]);
  const steps = [t('how1'), t('how2'), t('how3'), t('how4')];
  return (
    <div className="flex flex-col gap-6" data-variant={variant}>
      <section className="rounded-3xl bg-brand-50 px-5 py-8">
        <h1 className="text-3xl font-bold text-brand-800">{t('heroTitle')}</h1>
        <p className="mt-3 text-lg">{t('heroBody')}</p>
      </section>
      <ol className="grid gap-3 sm:grid-cols-4">
        {steps.map((s) => (
          <li key={s} className="card">
            {s}
          </li>
        ))}
      </ol>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 12 }, (_, i) => (
          <article key={i} className="card flex flex-col gap-2">
            <h3 className="text-lg font-bold">{t('projectsTitle')}</h3>
            <p className="text-muted">{h('intro')}</p>
            <p className="text-muted">{h('consentText', { months: 36 })}</p>
          </article>
        ))}
      </div>
    </div>
  );
}
