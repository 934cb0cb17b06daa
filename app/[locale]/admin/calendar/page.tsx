import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { dateFormat } from '@/lib/i18n/dates';
import { listCalendarDays } from '@/lib/needs/calendar';
import { noonOf, shanghaiDay } from '@/lib/needs/sla';
import { requirePermission } from '../../_lib/guard';
import { removeCalendarDayAction } from './actions';
import { CalendarForm } from './calendar-form';
import { AdminNav } from '../_components/admin-nav';

/** Public holidays and make-up working days, which the service levels' working days follow. From this year on. */
export default async function CalendarPage() {
  const admin = await requirePermission('calendar:manage', '/admin/calendar');
  const thisYear = `${shanghaiDay(new Date()).slice(0, 4)}-01-01`;
  const [t, locale, days] = await Promise.all([getTranslations('admin'), getLocale(), listCalendarDays(getDb(), admin.actor, thisYear)]);
  const full = dateFormat(locale, { dateStyle: 'full' });
  return (
    <div className="flex flex-col gap-6">
      <AdminNav current="/admin/calendar" />
      <h1 className="page-title">{t('calendar')}</h1>
      <p>{t('calendarIntro')}</p>
      <CalendarForm />
      <section aria-labelledby="days" className="flex flex-col gap-2">
        <h2 id="days" className="font-bold">
          {t('calendarDays')}
        </h2>
        {days.length === 0 ? <p className="card text-muted">{t('calendarEmpty')}</p> : null}
        <ul className="flex flex-col gap-2">
          {days.map((d) => (
            <li key={d.day} className="card flex flex-wrap items-center justify-between gap-2" data-testid="calendar-day">
              <div>
                <p className="font-bold">{full.format(noonOf(d.day))}</p>
                <p className="text-sm">
                  <span className={`badge ${d.working ? 'bg-sun-50 text-sun-700' : 'bg-leaf-50 text-leaf-600'}`}>{d.working ? t('calendarWorkday') : t('calendarHoliday')}</span> {d.note}
                </p>
              </div>
              <form action={removeCalendarDayAction}>
                <input type="hidden" name="day" value={d.day} />
                <button className="btn-quiet min-h-11 px-3 text-sm" aria-label={`${t('calendarRemove')} ${d.day}`}>
                  {t('calendarRemove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
