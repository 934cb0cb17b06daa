import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { formatDay } from '@/lib/i18n/dates';
import { shanghaiDay } from '@/lib/needs/sla';
import { listDueDisclosures } from '@/lib/reports/disclosures-due';
import { requirePermission } from '../../_lib/guard';
import { PublishForm } from './publish-form';
import { AdminNav } from '../_components/admin-nav';

const noticeSchema = z.object({ published: z.uuid().optional().catch(undefined), again: z.enum(['1']).optional().catch(undefined) });

export default async function AdminDisclosuresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission('report:publish', '/admin/disclosures');
  const notice = noticeSchema.parse(await searchParams);
  const today = shanghaiDay(new Date());
  const [t, locale, due] = await Promise.all([
    getTranslations('disclosure'),
    getLocale(),
    listDueDisclosures(getDb(), { userId: admin.id }, today),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <AdminNav current="/admin/disclosures" />
      <h1 className="page-title">{t('adminTitle')}</h1>
      {notice.published ? (
        <p role="status" className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">
          {t(notice.again ? 'publishedAlready' : 'publishedNotice')}{' '}
          <Link prefetch={false} href={`/transparency/disclosures/${notice.published}`} className="link">
            {t('viewPublished')}
          </Link>
        </p>
      ) : null}
      <p>{t('adminIntro')}</p>
      {due.length === 0 ? <p className="card">{t('allPublished')}</p> : null}
      <ul className="flex flex-col gap-3">
        {due.map((d) => {
          const query = new URLSearchParams({ project: d.projectId, kind: d.kind, start: d.start, end: d.end });
          return (
            <li key={`${d.projectId}-${d.kind}-${d.start}`} className="card flex flex-col gap-2" data-testid="due-disclosure">
              <p className="font-bold">
                {locale === 'en' ? d.nameEn : d.nameZh} · {t(`kind.${d.kind}`)}
              </p>
              <p className="text-sm text-muted">
                {t('period', { start: formatDay(locale, d.start), end: formatDay(locale, d.end) })} · {t('due', { date: formatDay(locale, d.dueBy) })}
                {d.dueBy < today ? <span className="badge ml-2 bg-brand-50 text-brand-800">{t('overdue')}</span> : null}
              </p>
              <div className="flex flex-wrap gap-2">
                <a className="btn-quiet flex-1" href={`/admin/disclosures/preview?${query}`}>
                  {t('preview')}
                </a>
                <PublishForm due={d} className="flex-1" />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
