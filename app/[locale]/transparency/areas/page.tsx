import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { categories } from '@/lib/needs/intake-schema';
import { jiangbeiAreas } from '@/lib/places';
import { getNeedsByArea } from '@/lib/reports/transparency';
import { cachedPageLocale, type LocaleParams } from '../../_lib/cached-page';
import { ScrollArea } from '../../_components/scroll-area';

export { generateStaticParams } from '../../_lib/cached-page';

export async function generateMetadata({ params }: LocaleParams) {
  return { title: (await getTranslations({ locale: await cachedPageLocale(params), namespace: 'transparency' }))('byArea') };
}

/** Needs received per sub-district and category; a cell under five shows as "< 5", so no family is singled out. */
export default async function NeedsByAreaPage({ params }: LocaleParams) {
  await cachedPageLocale(params);
  const [t, n, locale, byArea] = await Promise.all([getTranslations('transparency'), getTranslations('needs'), getLocale(), getNeedsByArea(getDb())]);
  const cell = (areaId: string, category: string) => {
    const c = byArea.find((x) => x.areaId === areaId && x.category === category);
    return c ? (c.count === null ? t('fewer') : String(c.count)) : '0';
  };
  return (
    <div className="flex flex-col gap-4">
      <Link href="/transparency" className="link link-alone">
        {t('backToReport')}
      </Link>
      <h1 className="page-title">{t('byArea')}</h1>
      <p>{t('byAreaNote')}</p>
      <ScrollArea className="card" label={t('byArea')}>
        <table className="data-table figures min-w-max text-sm" data-testid="t-by-area">
          <caption className="sr-only">{t('byArea')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('area')}</th>
              {categories.map((c) => (
                <th key={c} scope="col">
                  {n(`category.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {jiangbeiAreas.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="whitespace-nowrap">
                  {locale === 'en' ? a.nameEn : a.nameZh}
                </th>
                {categories.map((c) => (
                  <td key={c}>
                    {cell(a.id, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
