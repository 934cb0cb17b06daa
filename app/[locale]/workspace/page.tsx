import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { categories } from '@/lib/needs/intake-schema';
import { listAssignableStaff } from '@/lib/needs/case-actions';
import { listQueue, readQueueFilter, type QueueFilter } from '@/lib/needs/queue';
import { needStatuses } from '@/lib/needs/status';
import { listAreas } from '@/lib/places';
import { StatusBadge } from '../_components/status-badge';
import { searchQueueAction } from './actions';
import { QueueSearchField } from './search-field';
import { requirePermission } from '../_lib/guard';

type Search = Record<string, string | string[] | undefined>;

export default async function QueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('case:read', '/workspace');
  const filter = readQueueFilter(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const db = getDb();
  // Someone else's cases (a name followed from the workload page): the filter names them.
  const someone = filter.assignee && filter.assignee !== 'me' && filter.assignee !== 'none' ? filter.assignee : null;
  const [t, n, a, format, locale, areas, queue, staff] = await Promise.all([
    getTranslations('workspace'),
    getTranslations('needs'),
    getTranslations('auth'),
    getFormatter(),
    getLocale(),
    listAreas(),
    listQueue(db, user.actor, filter),
    someone ? listAssignableStaff(db, user.actor) : [],
  ]);
  const someoneName = someone ? staff.find((s) => s.id === someone)?.name : undefined;
  const areaName = (id: string) => {
    const area = areas.find((x) => x.id === id);
    return locale === 'en' ? area?.nameEn : area?.nameZh;
  };
  // Sealed words go on as sealed, never opened into the address.
  const pageLink = (page: number) => {
    const { q, ...rest } = filter;
    return `/workspace?${new URLSearchParams({ ...(rest as Record<string, string>), ...(q && !filter.qs ? { q } : {}), page: String(page) })}`;
  };
  const select = (name: keyof QueueFilter, label: string, options: { value: string; label: string }[]) => (
    <label className="flex flex-col">
      <span className="field-label text-sm">{label}</span>
      <select name={name} defaultValue={String(filter[name] ?? '')} className="field-input">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">{a('welcome', { name: user.name })}</p>
      <h1 className="page-title">{t('title')}</h1>
      <details className="card" open={Object.keys(filter).length > 0}>
        <summary className="cursor-pointer font-bold">{t('filters')}</summary>
        <form action={searchQueueAction} className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
          <QueueSearchField
            label={t('search')}
            hint={t('searchHint')}
            refusedMessage={t('numberRefused')}
            defaultValue={filter.q ?? ''}
            refused={Boolean(filter.numberRefused)}
          />
          {filter.phone ? (
            <p className="text-sm sm:col-span-3">
              {t('byPhone')}{' '}
              <Link prefetch={false} href="/workspace" className="link link-alone">
                {t('clearSearch')}
              </Link>
            </p>
          ) : null}
          {select('status', t('status'), [
            { value: '', label: t('statusOpen') },
            { value: 'all', label: t('statusAll') },
            ...needStatuses.map((s) => ({ value: s, label: n(`status.${s}`) })),
          ])}
          {select('area', t('area'), [{ value: '', label: t('anyone') }, ...areas.map((x) => ({ value: x.id, label: areaName(x.id) ?? x.id }))])}
          {select('category', t('category'), [{ value: '', label: t('anyone') }, ...categories.map((c) => ({ value: c, label: n(`category.${c}`) }))])}
          {select('urgency', t('urgency'), [
            { value: '', label: t('anyone') },
            ...(['critical', 'high', 'normal', 'low'] as const).map((u) => ({ value: u, label: n(`urgency.${u}`) })),
          ])}
          {select('assignee', t('assignee'), [
            { value: '', label: t('anyone') },
            { value: 'me', label: t('me') },
            { value: 'none', label: t('nobody') },
            ...(someone && someone !== user.id ? [{ value: someone, label: someoneName ?? t('someone') }] : []),
          ])}
          {select('sort', t('sort'), [
            { value: 'oldest', label: t('sortOldest') },
            { value: 'newest', label: t('sortNewest') },
            { value: 'urgency', label: t('sortUrgency') },
            { value: 'due', label: t('sortDue') },
          ])}
          <label className="flex min-h-12 items-center gap-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === '1'} className="size-5" />
            {t('overdue')}
          </label>
          <button className="btn-primary sm:col-start-3">{t('apply')}</button>
        </form>
      </details>

      <p className="text-muted" role="status">
        {t(queue.more ? 'resultsMany' : 'results', { total: queue.total })} ·{' '}
        {t(queue.more ? 'pageMany' : 'page', { page: queue.page, pages: queue.pages })}
      </p>
      {someone && someone !== user.id && user.role === 'social_worker' ? <p className="text-sm text-muted">{t('someoneInScope', { name: someoneName ?? t('someone') })}</p> : null}
      {queue.rows.length === 0 ? <p className="card">{t('empty')}</p> : null}
      <ul className="flex flex-col gap-3">
        {queue.rows.map((r) => (
          <li key={r.id}>
            <Link prefetch={false} href={`/workspace/cases/${r.id}`} className={`card block no-underline hover:border-brand-600 ${r.overdue ? 'border-l-8 border-l-brand-600' : ''}`} data-testid="queue-row">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-bold text-ink">{r.code}</span>
                <StatusBadge status={r.status} label={n(`status.${r.status}`)} />
                {r.overdue ? <span className="badge bg-brand-600 text-white">{t('overdueBadge')}</span> : null}
                {r.possibleDuplicate ? <span className="badge bg-sun-50 text-sun-700">{t('duplicateBadge')}</span> : null}
                {r.urgency === 'critical' || r.urgency === 'high' ? <span className="badge bg-brand-100 text-brand-800">{n(`urgency.${r.urgency}`)}</span> : null}
              </div>
              <p className="mt-1 text-ink">
                {`${n(`category.${r.category}`)} · ${n(`kindShort.${r.kind}`)} · ${r.nameMasked}`}
              </p>
              <p className="text-sm text-muted">
                {`${areaName(r.areaId)} ${r.village} · ${format.dateTime(r.submittedAt, { dateStyle: 'medium' })} · ${n(`channel.${r.channel}`)} · ${r.assigneeName ?? t('nobody')}`}
              </p>
            </Link>
          </li>
        ))}
      </ul>
      <nav className="flex justify-between" aria-label={t('page', { page: queue.page, pages: queue.pages })}>
        {queue.page > 1 ? (
          <Link prefetch={false} href={pageLink(queue.page - 1)} className="btn-quiet">
            {t('prev')}
          </Link>
        ) : (
          <span />
        )}
        {queue.page < queue.pages ? (
          <Link prefetch={false} href={pageLink(queue.page + 1)} className="btn-quiet">
            {t('next')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
