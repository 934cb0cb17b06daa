import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { DonationTrace as Trace } from '@/lib/ledger/trace';
import { formatFen } from '@/lib/money';
import { jiangbeiAreas } from '@/lib/places';

/** "Your ¥100 → ¥60 school supplies in 慈城镇 on 3 March, ¥40 not yet spent" — purposes and places, never people. */
export async function DonationTrace({ trace }: { trace: Trace }) {
  const [t, format, locale] = await Promise.all([getTranslations('trace'), getFormatter(), getLocale()]);
  const en = locale === 'en';
  const money = (f: number) => formatFen(f, { exact: true });
  const area = (id: string | null) => {
    const a = jiangbeiAreas.find((x) => x.id === id);
    return a ? (en ? a.nameEn : a.nameZh) : t('districtWide');
  };
  if (trace.items.length === 0 && trace.unspentFen === 0) return <p className="text-muted">{t('nothing')}</p>;
  return (
    <section className="flex flex-col gap-2" aria-label={t('title')} data-testid="donation-trace">
      <h3 className="font-bold">{t('title')}</h3>
      <p className="text-sm text-muted">{t('intro')}</p>
      <ul className="flex flex-col gap-2">
        {trace.items.map((item, i) => (
          <li key={i} className="rounded-xl bg-paper p-3">
            {item.kind === 'spent' ? (
              <>
                <p className="font-semibold">{t('spent', { amount: money(item.amountFen), purpose: item.purpose })}</p>
                <p className="text-sm text-muted">
                  {t('where', { project: en ? item.projectNameEn : item.projectNameZh, area: area(item.areaId), date: format.dateTime(item.date, { dateStyle: 'medium' }) })}
                </p>
              </>
            ) : item.kind === 'allocated_unspent' ? (
              <p>{t('allocatedUnspent', { amount: money(item.amountFen), project: en ? item.projectNameEn : item.projectNameZh })}</p>
            ) : (
              <p>{t(item.kind, { amount: money(item.amountFen) })}</p>
            )}
          </li>
        ))}
        {trace.unspentFen > 0 ? <li className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">{t('unspent', { amount: money(trace.unspentFen) })}</li> : null}
      </ul>
    </section>
  );
}
