import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { proposeForWaitingList, type WaitingListProposals } from '@/lib/matching/load';
import { areaName, reasonsLine, unassignedText, type Translate } from '@/lib/matching/words';
import { requirePermission } from '../../_lib/guard';
import { ProposalsForm, type ProposalItem } from './proposals-form';
import { ClientMessages } from '../../_components/client-messages';

type Search = Record<string, string | string[] | undefined>;

/**
 * "Propose assignments" for the social worker's waiting list. Proposing is a read (run on request, with
 * ?run=1), accepting is the only write, and it happens only for the proposals a person ticks.
 */
export default async function ProposalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('case:act', '/workspace/proposals');
  const run = (await searchParams).run === '1';
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const words: Translate = (key, values) => t(key as never, values as never);
  const result = run ? await proposeForWaitingList(getDb(), user.actor) : null;

  type Need = WaitingListProposals['unassigned'][number]['need'];
  const where = (n: Need) => `${areaName(n.areaId, locale)} ${n.village}`;
  const what = (n: Need) => `${t(`needs.category.${n.category}`)} · ${t(`needs.kindShort.${n.kind}`)} · ${t(`needs.urgency.${n.urgency}`)}`;
  const priority = (value: number, n: Need) => `${t('matching.priority', { priority: value })} · ${t('matching.waited', { days: n.waitedDays })}`;
  const items: ProposalItem[] = (result?.proposals ?? []).map((p) => ({
    token: p.token,
    code: p.need.code,
    nameMasked: p.need.nameMasked,
    where: where(p.need),
    what: what(p.need),
    priority: priority(p.priority, p.need),
    project: locale === 'en' ? p.project.nameEn : p.project.nameZh,
    score: t('matching.score', { score: p.score }),
    reasons: reasonsLine(words, locale, p.reasons),
  }));

  return (
    <ClientMessages namespaces={['matching', 'forms']}>
      <div className="flex flex-col gap-4">
        <h1 className="page-title">{t('matching.proposals.title')}</h1>
        <p>{t('matching.proposals.intro')}</p>
        <p className="font-semibold">{t('matching.proposals.manual')}</p>
        <form method="get">
          <input type="hidden" name="run" value="1" />
          <button className={result ? 'btn-quiet' : 'btn-primary'}>{result ? t('matching.proposals.rerun') : t('matching.proposals.run')}</button>
        </form>

        {result ? (
          <>
            <p role="status" className="text-muted">
              {t('matching.proposals.waiting', { count: result.waiting })}
            </p>
            {result.waiting === 0 ? <p className="card">{t('matching.proposals.empty')}</p> : null}
            {result.waiting > 0 ? (
              <section aria-labelledby="proposed" className="flex flex-col gap-3">
                <h2 id="proposed" className="font-bold">
                  {t('matching.proposals.proposedTitle', { count: items.length, total: result.totalPriority })}
                </h2>
                {items.length ? <ProposalsForm items={items} /> : <p className="card">{t('matching.proposals.noProposals')}</p>}
              </section>
            ) : null}
            {result.unassigned.length ? (
              <section aria-labelledby="unassigned" className="flex flex-col gap-3">
                <h2 id="unassigned" className="font-bold">
                  {t('matching.proposals.unassignedTitle', { count: result.unassigned.length })}
                </h2>
                <ul className="flex flex-col gap-3">
                  {result.unassigned.map((u) => (
                    <li key={u.needId} className="card" data-testid="unassigned">
                      <Link prefetch={false} href={`/workspace/cases/${u.needId}`} className="font-mono font-bold">
                        {u.need.code}
                      </Link>{' '}
                      {u.need.nameMasked}
                      <p className="text-sm font-semibold">{priority(u.priority, u.need)}</p>
                      <p className="text-sm text-muted">
                        {where(u.need)} · {what(u.need)}
                      </p>
                      <p className="font-semibold text-brand-700">{unassignedText(words, u.why)}</p>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        ) : null}
      </div>
    </ClientMessages>
  );
}
