import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { formatFen } from '@/lib/money';
import { listProjectsForAdmin } from '@/lib/projects/edit';
import { Pager } from '../../_components/pager';
import { requirePermission } from '../../_lib/guard';
import { AdminNav } from '../_components/admin-nav';

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function AdminProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission('project:edit', '/admin/projects');
  const page = pageSchema.parse((await searchParams).page);
  const [t, locale, { rows: projects, pages }] = await Promise.all([
    getTranslations('donations.projects'),
    getLocale(),
    listProjectsForAdmin(getDb(), { userId: admin.id }, page),
  ]);
  return (
    <div className="flex flex-col gap-5">
      <AdminNav current="/admin/projects" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">{t('title')}</h1>
        <Link prefetch={false} href="/admin/projects/new" className="btn-primary min-h-11 px-4">
          {t('new')}
        </Link>
      </div>
      <ul className="flex flex-col gap-3">
        {projects.map((p) => (
          <li key={p.id} className="card flex flex-wrap items-center justify-between gap-3">
            <div>
              <p className="font-bold">{locale === 'en' ? p.nameEn : p.nameZh}</p>
              <p className="text-sm text-muted">{t(`status.${p.status}`)} · {t('goal')} {formatFen(p.goalFen, { exact: true })}</p>
            </div>
            <div className="flex gap-2">
              <Link prefetch={false} href={`/projects/${p.slug}`} className="btn-quiet min-h-11 px-3 text-sm">{t('view')}</Link>
              <Link prefetch={false} href={`/admin/projects/${p.slug}`} className="btn-secondary min-h-11 px-3 text-sm">{t('edit')}</Link>
            </div>
          </li>
        ))}
      </ul>
      <Pager prefetch={false} page={page} pages={pages} href={(n) => (n === 1 ? '/admin/projects' : `/admin/projects?page=${n}`)} />
    </div>
  );
}
