import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getCase } from '@/lib/needs/case-read';
import { listAssignableStaff } from '@/lib/needs/case-actions';
import { suggestForNeed } from '@/lib/matching/load';
import { isAppError } from '@/lib/errors';
import { formatDay } from '@/lib/i18n/dates';
import { formatFen } from '@/lib/money';
import { listAreas } from '@/lib/places';
import { StatusBadge } from '../../../_components/status-badge';
import { ShownNotice } from '../../../_components/shown-notice';
import { requirePermission } from '../../../_lib/guard';
import { CaseActions } from './case-actions';
import { MatchSuggestions } from './suggestions';
import { ClientMessages } from '../../../_components/client-messages';

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ moved?: string }> }) {
  const [{ id }, { moved }] = await Promise.all([params, searchParams]);
  const user = await requirePermission('case:read_pii', `/workspace/cases/${id}`);
  const db = getDb();
  const view = await getCase(db, user.actor, id).catch((e) => {
    if (isAppError(e, 'not_found')) notFound();
    // A case outside the worker's sub-districts (a link passed on, say): the 403 page, not an error.
    if (isAppError(e, 'forbidden')) forbidden();
    throw e;
  });
  const [t, n, format, locale, areas, staff, suggestions] = await Promise.all([
    getTranslations('case'),
    getTranslations('needs'),
    getFormatter(),
    getLocale(),
    listAreas(),
    listAssignableStaff(db, user.actor),
    view.actions.includes('match') ? suggestForNeed(db, user.actor, id) : null,
  ]);
  const { need, pii } = view;
  const area = areas.find((a) => a.id === need.areaId);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  // A deadline still running that has passed stands out here as in the queue.
  const due = (d: Date | null, running: boolean) => (
    <>
      {when(d)}
      {running && d && d.getTime() < Date.now() ? <span className="badge ml-2 bg-brand-50 text-brand-800">{t('overdue')}</span> : null}
    </>
  );
  const rows: [string, React.ReactNode][] = [
    [t('category'), n(`category.${need.category}`)],
    [t('kind'), n(`kindShort.${need.kind}`)],
    [t('populations'), need.populations.map((p) => n(`population.${p}`)).join('、') || t('none')],
    [t('household'), need.householdSize],
    [t('area'), `${locale === 'en' ? area?.nameEn : area?.nameZh} ${need.village}`],
    [t('estimatedCost'), need.estimatedCostFen === null ? t('none') : formatFen(need.estimatedCostFen, { exact: true })],
    [t('channel'), n(`channel.${need.channel}`)],
    [t('assignee'), view.assigneeName ?? t('none')],
    [t('project'), (locale === 'en' ? view.projectNameEn : view.projectName) ?? t('none')],
    [t('hardship'), need.hardship ?? t('none')],
    [t('urgency'), n(`urgency.${need.urgency}`)],
    [t('screenDue'), due(need.screenDueAt, need.status === 'submitted' || need.status === 'screening')],
    [t('matchDue'), due(need.matchDueAt, need.status === 'valid')],
    [t('consent'), `${need.consentVersion}${need.guardianConsentAt ? ` · ${t('childConsent')}` : ''}`],
  ];
  const piiRows: [string, string | undefined][] = pii
    ? [
        [t('name'), pii.name],
        [t('phone'), pii.phone],
        [t('idNumber'), pii.idNumber],
        [t('address'), pii.address],
        [t('submitter'), pii.submitterName ? `${pii.submitterName} ${pii.submitterPhone ?? ''}` : undefined],
        [t('guardian'), pii.guardianName],
        [t('health'), pii.health],
        [t('disability'), pii.disability],
        [t('finances'), pii.finances],
      ]
    : [];

  return (
    <ClientMessages namespaces={['case', 'forms', 'needs']}>
      <div className="flex flex-col gap-5">
        <Link prefetch={false} href="/workspace" className="link link-alone">
          ← {t('back')}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="page-title font-mono">{need.code}</h1>
          <StatusBadge status={need.status} label={n(`status.${need.status}`)} />
        </div>
        {moved ? <ShownNotice>{t('moved', { status: n(`status.${need.status}`) })}</ShownNotice> : null}
        {view.duplicateOf ? (
          <p className="rounded-xl bg-sun-50 p-3 font-semibold text-sun-700">
            <Link prefetch={false} href={`/workspace/cases/${view.duplicateOf.id}`} className="underline">
              {t('duplicateOf', { code: view.duplicateOf.code })}
            </Link>
          </p>
        ) : view.duplicateElsewhere ? (
          <p className="rounded-xl bg-sun-50 p-3 font-semibold text-sun-700">{t('duplicateElsewhere')}</p>
        ) : null}

        <section className="card @container" aria-labelledby="pii">
          <h2 id="pii" className="mb-2 font-bold">
            {t('personal')}
          </h2>
          {pii ? (
            /* Names beside values (as on a phone with normal text); with large text on a phone, where the two side by side
               were wider than the page, a value goes under its name (the rem in the query grows with the text). */
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 @[12rem]:grid-cols-[auto_1fr]" data-testid="pii">
              {piiRows
                .filter(([, v]) => v)
                .map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="text-muted">{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
            </dl>
          ) : (
            <p>{t('purged')}</p>
          )}
        </section>

        <section className="card @container" aria-labelledby="details">
          <h2 id="details" className="mb-2 font-bold">
            {t('details')}
          </h2>
          <p className="mb-3 whitespace-pre-wrap rounded-xl bg-paper p-3">{need.description}</p>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 @[12rem]:grid-cols-[auto_1fr]">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {need.rating ? (
            <p className="mt-3">
              {t('rating', { rating: need.rating })}
              {need.ratingComment ? ` · ${need.ratingComment}` : ''}
            </p>
          ) : null}
        </section>

        {/* Keyed by where the case stands: once it moves on, its forms start afresh, with no answer left from before. */}
        {suggestions ? <MatchSuggestions key={`${need.status}-${need.projectId}`} needId={need.id} s={suggestions} /> : null}

        <CaseActions
          key={`${need.status}-${need.projectId}-${need.assigneeId}`}
          needId={need.id}
          actions={view.actions}
          assigneeId={need.assigneeId}
          viewerId={user.id}
          canAssignOthers={user.role === 'admin'}
          staff={staff}
          hardship={need.hardship}
          urgency={need.urgency}
          status={need.status}
        />

        <section className="card" aria-labelledby="services">
          <h2 id="services" className="mb-2 font-bold">
            {t('services')}
          </h2>
          {view.services.length === 0 ? <p>{t('none')}</p> : null}
          {need.projectId && (need.status === 'matched' || need.status === 'in_service' || need.status === 'fulfilled') ? (
            <Link prefetch={false} href={`/workspace/payments?${new URLSearchParams({ project: need.projectId, need: need.code })}`} className="btn-quiet mt-2 self-start text-sm">
              {t('requestPayment')}
            </Link>
          ) : null}
          <ul className="flex flex-col gap-1">
            {view.services.map((s) => (
              <li key={s.id}>
                {t('serviceLine', { date: formatDay(locale, s.servedOn), type: s.serviceType, hours: Number(s.hours), personTimes: s.personTimes, by: s.deliveredBy })}
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="history">
          <h2 id="history" className="mb-2 font-bold">
            {t('timeline')}
          </h2>
          <ol className="flex flex-col gap-3 border-l-4 border-brand-100 pl-4">
            {view.events.map((e) => (
              <li key={e.id}>
                <p className="text-sm text-muted">
                  {when(e.at)} · {e.actorKind === 'resident' ? t('resident') : e.actorKind === 'system' ? t('system') : e.actorName}
                </p>
                {/* What people typed can hold a long unbroken run (a pasted link): it wraps rather than widen the page. */}
                <p className="[overflow-wrap:anywhere]">
                  {e.toStatus && e.type === 'status'
                    ? t('statusMove', { event: t('event.status'), from: n(`status.${e.fromStatus ?? 'submitted'}`), to: n(`status.${e.toStatus}`) })
                    : t(`event.${e.type}` as 'event.note')}
                  {e.publicNote ? ` · ${e.publicNote}` : ''}
                  {e.note ? ` · ${e.note}` : ''}
                </p>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </ClientMessages>
  );
}
