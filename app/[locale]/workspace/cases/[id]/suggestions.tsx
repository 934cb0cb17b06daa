import { getLocale, getTranslations } from 'next-intl/server';
import type { NeedSuggestions } from '@/lib/matching/load';
import { reasonsLine, ruleText, type Translate } from '@/lib/matching/words';
import { CaseForm, CaseInput, CaseSelect } from './case-form';

/**
 * "推荐项目": the eligible projects ranked with their reasons, the others with the rule that excludes them;
 * accept the top one in one tap, or choose another with a reason (lib/ enforces both).
 */
export async function MatchSuggestions({ needId, s }: { needId: string; s: NeedSuggestions }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const words: Translate = (key, values) => t(key as never, values as never);
  const name = (p: { nameZh: string; nameEn: string }) => (locale === 'en' ? p.nameEn : p.nameZh);
  const current = s.currentProjectId ? [...s.eligible, ...s.ineligible].find((p) => p.projectId === s.currentProjectId) : undefined;
  // "Another" project: neither the one offered above for one-tap acceptance nor the one it already has.
  const choices = s.eligible.filter((e, i) => e.projectId !== s.currentProjectId && !(i === 0 && s.topToken));

  return (
    <section className="card flex flex-col gap-4" aria-labelledby="suggestions" data-testid="suggestions">
      <div>
        <h2 id="suggestions" className="font-bold">
          {t('matching.title')}
        </h2>
        <p className="text-sm text-muted">{t('matching.intro')}</p>
      </div>
      {s.eligible.length === 0 ? <p className="font-semibold">{t('matching.noneEligible')}</p> : null}
      <ol className="flex flex-col gap-3">
        {s.eligible.map((e, i) => (
          <li key={e.projectId} className="rounded-xl border border-brand-100 p-3" data-testid="suggestion">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-bold text-ink">
                {i + 1}. <span data-testid="project-name">{name(e)}</span>
              </span>
              {i === 0 ? <span className="badge bg-leaf-600 text-white">{t('matching.top')}</span> : null}
              <span className="badge bg-paper text-muted" data-testid="score">
                {t('matching.score', { score: e.score })}
              </span>
            </div>
            <p className="mt-1 text-sm">{reasonsLine(words, locale, e.reasons)}</p>
            {i === 0 && s.topToken ? (
              <div className="mt-3">
                <CaseForm needId={needId} intent="accept" submit={t('matching.accept')}>
                  <input type="hidden" name="token" value={s.topToken} />
                  <p className="text-sm text-muted">{t('matching.acceptHint', { project: name(e) })}</p>
                </CaseForm>
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      {s.ineligible.length > 0 ? (
        <details>
          <summary className="cursor-pointer font-semibold">{t('matching.ineligibleTitle', { count: s.ineligible.length })}</summary>
          <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="ineligible">
            {s.ineligible.map((i) => (
              <li key={i.projectId}>
                <span className="font-semibold">{name(i)}</span> — {ruleText(words, locale, i.rule)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {choices.length > 0 ? (
        <CaseForm needId={needId} intent="match" submit={t('matching.confirm')} tone="secondary">
          <h3 className="font-semibold">{s.status === 'valid' ? t('matching.chooseOther') : t('matching.changeProject')}</h3>
          <p className="text-sm text-muted">
            {s.status === 'valid' || !current ? t('matching.chooseOtherHint') : t('matching.changeHint', { project: name(current) })}
          </p>
          <CaseSelect
            name="projectId"
            label={t('matching.project')}
            options={[{ value: '', label: '—' }, ...choices.map((e) => ({ value: e.projectId, label: name(e) }))]}
          />
          <CaseInput name="reason" label={t('matching.reason')} multiline />
        </CaseForm>
      ) : null}
    </section>
  );
}
