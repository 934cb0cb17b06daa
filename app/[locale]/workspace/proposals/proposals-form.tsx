'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { emptyForm } from '../../_lib/form-state';
import { acceptProposalsAction, type AcceptResult } from './actions';
import { FocusOnAnswer } from '../../_components/focus-on-answer';

export type ProposalItem = {
  token: string;
  code: string;
  nameMasked: string;
  where: string;
  what: string;
  priority: string;
  project: string;
  score: string;
  reasons: string;
};

/** The proposals with a box each; nothing is matched until the social worker accepts some or all of them. */
export function ProposalsForm({ items }: { items: ProposalItem[] }) {
  const t = useTranslations('matching.proposals');
  const f = useTranslations('forms');
  const [state, formAction, pending] = useActionState(acceptProposalsAction, emptyForm);
  const result = state.ok ? (state.data as AcceptResult) : null;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FocusOnAnswer state={state} />
      {result ? (
        <div role="status" className="rounded-xl bg-leaf-50 p-3" data-testid="accept-result">
          <p className="font-semibold text-leaf-600">{t('accepted', { count: result.accepted })}</p>
          {result.failed.length ? (
            <>
              <p className="mt-2 font-semibold text-brand-700">{t('failedTitle')}</p>
              <ul className="text-sm">
                {result.failed.map((x, i) => (
                  <li key={i}>
                    <span className="font-mono">{x.code}</span> · {x.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {state.errors.proposal ? (
        <p role="alert" className="field-error">
          {f(state.errors.proposal)}
        </p>
      ) : null}
      {state.message ? (
        <p role="alert" className="font-semibold text-brand-700">
          {f(state.message)}
        </p>
      ) : null}
      <ul className="flex flex-col gap-3">
        {items.map((p) => (
          <li key={p.token} className="card" data-testid="proposal">
            <label className="flex cursor-pointer gap-3">
              <input type="checkbox" name="proposal" value={p.token} className="mt-1 size-6 shrink-0" aria-label={`${p.code} ${t('arrow')} ${p.project}`} />
              <input type="hidden" name="all" value={p.token} />
              <span className="flex min-w-0 flex-col gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono font-bold text-ink">{p.code}</span>
                  <span>{p.nameMasked}</span>
                </span>
                <span className="text-sm font-semibold">{p.priority}</span>
                <span className="text-sm text-muted">
                  {p.where} · {p.what}
                </span>
                <span className="font-semibold">
                  {t('arrow')} {p.project} <span className="text-sm font-normal text-muted">· {p.score}</span>
                </span>
                <span className="text-sm">{p.reasons}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <button className="btn-primary" name="mode" value="selected" disabled={pending}>
          {t('acceptSelected')}
        </button>
        <button className="btn-secondary" name="mode" value="all" disabled={pending}>
          {t('acceptAll')}
        </button>
      </div>
    </form>
  );
}
