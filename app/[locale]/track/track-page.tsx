'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import type { TrackedNeed } from '@/lib/needs/tracking';
import { Field } from '../_components/field';
import { FocusOnAnswer, useFocusOnShow } from '../_components/focus-on-answer';
import { emptyForm, type FormState } from '../_lib/form-state';
import { trackAction } from './actions';
import { ConfirmButton } from '../_components/confirm-button';

export function TrackPage() {
  const t = useTranslations('track');
  const f = useTranslations('forms');
  const [state, action, pending] = useActionState(trackAction, emptyForm);
  const need = state.data as TrackedNeed | undefined;
  const err = (name: string) => (state.errors[name] ? f(state.errors[name]) : undefined);
  const proof = (
    <>
      <input type="hidden" name="code" value={state.values.code ?? ''} />
      <input type="hidden" name="last4" value={state.values.last4 ?? ''} />
    </>
  );

  return (
    <div className="flex flex-col gap-6">
      <form action={action} className="card flex flex-col gap-4" noValidate>
        {need ? null : <FocusOnAnswer state={state} />}
        <input type="hidden" name="intent" value="lookup" />
        {state.message === 'notFound' || state.message === 'throttled' || state.message === 'conflict' ? (
          <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800">
            {state.message === 'notFound' ? t('notFound') : f(state.message)}
          </p>
        ) : null}
        <Field name="code" label={t('code')} hint={t('codeHint')} autoCapitalize="characters" autoComplete="off" defaultValue={state.values.code} error={err('code')} />
        <Field name="last4" label={t('last4')} inputMode="numeric" maxLength={4} autoComplete="off" defaultValue={state.values.last4} error={err('last4')} />
        <button type="submit" className="btn-primary" disabled={pending}>
          {t('submit')}
        </button>
      </form>

      {need ? <Tracked key={need.code} need={need} action={action} proof={proof} state={state} err={err} pending={pending} /> : null}
    </div>
  );
}

type TrackedProps = {
  need: TrackedNeed;
  action: (data: FormData) => void;
  proof: React.ReactNode;
  state: FormState;
  err: (name: string) => string | undefined;
  pending: boolean;
};

/** The case found: brought into view and focus when it appears, so it is seen on a phone and read out. */
function Tracked({ need, action, proof, state, err, pending }: TrackedProps) {
  const t = useTranslations('track');
  const f = useTranslations('forms');
  const message = state.message;
  const heading = useFocusOnShow<HTMLHeadingElement>();
  // After a message, a rating or a withdrawal, the news is where focus goes (the button pressed was disabled meanwhile).
  const done = message === 'sent' || message === 'rated' || message === 'withdrawn';
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!done) return;
    notice.current?.scrollIntoView({ block: 'center' });
    notice.current?.focus({ preventScroll: true });
  }, [state, done]);
  const n = useTranslations('needs');
  const format = useFormatter();
  const locale = useLocale();
  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: 'medium', timeStyle: 'short' });
  const describe = (e: TrackedNeed['timeline'][number]) => {
    if (e.type === 'submitted') return t('eventSubmitted');
    if (e.type === 'resident_message') return t('withNote', { event: t('eventMessage'), note: e.publicNote ?? '' });
    if (e.type === 'service') return t('withNote', { event: t('eventService'), note: e.publicNote ?? '' });
    if (e.type === 'rating') return t('eventRating');
    const plain = e.toStatus ? n(`statusPlain.${e.toStatus}`) : '';
    if (e.toStatus === 'matched' && e.publicNote) return t('matchedTo', { event: plain, project: (locale === 'en' && e.projectNameEn) || e.publicNote });
    return e.publicNote ? t('withReason', { event: plain, note: e.publicNote }) : plain;
  };
  const who = (e: TrackedNeed['timeline'][number]) => (e.by === 'resident' ? t('you') : e.by === 'staff' ? `${t('staff')} ${e.staffName ?? ''}` : t('system'));

  return (
    <>
      <section className="card flex flex-col gap-2" aria-labelledby="current" data-testid="tracked">
        <h2 id="current" ref={heading} tabIndex={-1} className="scroll-mt-4 text-lg font-bold">
          {t('current')} · <span className="whitespace-nowrap font-mono">{need.code}</span>
        </h2>
        <p className="text-2xl font-bold text-brand-700" data-testid="status">
          {n(`statusPlain.${need.status}`)}
        </p>
        {need.invalidReason ? (
          <p>{t('invalidReasonLine', { reason: need.invalidReason })}</p>
        ) : null}
        <h3 className="mt-2 font-bold">{t('nextTitle')}</h3>
        <p>{n(`next.${need.status}`)}</p>
        {need.status === 'submitted' ? <p className="text-muted">{t('screenBy', { date: format.dateTime(new Date(need.screenDueAt), { dateStyle: 'medium' }) })}</p> : null}
        {done ? (
          <p ref={notice} tabIndex={-1} role="status" className="rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">
            {t(message)}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 text-lg font-bold">
          {t('timeline')}
        </h2>
        <ol className="flex flex-col gap-3 border-l-4 border-brand-100 pl-4">
          {need.timeline.map((e, i) => (
            <li key={i}>
              <p className="text-sm text-muted">
                <time dateTime={new Date(e.at).toISOString()}>{when(e.at)}</time> · {who(e)}
              </p>
              <p className="[overflow-wrap:anywhere]">{describe(e)}</p>
            </li>
          ))}
        </ol>
      </section>

      {need.canRate ? (
        // Keyed by what was sent: a refused rating comes back with its stars and comment (the form resets after each answer).
        <form key={`${state.values.rating}|${state.values.comment}`} action={action} className="card flex flex-col gap-4" noValidate>
          <FocusOnAnswer state={state} />
          {proof}
          <input type="hidden" name="intent" value="rate" />
          <fieldset aria-invalid={err('rating') ? true : undefined} aria-describedby={err('rating') ? 'rating-error' : 'rating-hint'}>
            <legend className="field-label">{t('rating')}</legend>
            <p id="rating-hint" className="field-hint">{t('ratingScale')}</p>
            <div className="mt-2 flex gap-2">
              {[1, 2, 3, 4, 5].map((r) => (
                <label key={r} className="flex size-12 cursor-pointer items-center justify-center rounded-xl border-2 border-line text-lg font-bold has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input type="radio" name="rating" value={r} className="sr-only" defaultChecked={state.values.rating === String(r)} />
                  {r}
                </label>
              ))}
            </div>
            {err('rating') ? <p id="rating-error" className="field-error">{err('rating')}</p> : null}
          </fieldset>
          <Field name="comment" label={t('comment')} rows={2} defaultValue={message === 'rated' ? '' : state.values.comment} error={err('comment')} hint={t('commentHint')} />
          <button className="btn-primary" disabled={pending}>
            {t('rate')}
          </button>
        </form>
      ) : need.rating ? (
        <p className="card">{t('yourRating', { rating: need.rating })}</p>
      ) : null}

      {need.status !== 'closed' && need.status !== 'withdrawn' ? (
        <form action={action} className="card flex flex-col gap-4" noValidate>
          <FocusOnAnswer state={state} />
          {proof}
          <input type="hidden" name="intent" value="message" />
          <h2 className="text-lg font-bold">{t('messageTitle')}</h2>
          {/* What was typed comes back with its error (the form is reset after every answer). */}
          <Field
            key={message === 'sent' ? 'sent' : state.values.message}
            name="message"
            label={t('message')}
            rows={3}
            defaultValue={message === 'sent' ? '' : state.values.message}
            error={err('message')}
            hint={t('messageHint')}
          />
          <button className="btn-secondary" disabled={pending}>
            {t('send')}
          </button>
        </form>
      ) : null}

      {need.canWithdraw ? (
        // Open again when a reason was refused, with what was typed and the error at the box.
        <details className="card" open={err('reason') ? true : undefined}>
          <summary className="cursor-pointer font-bold">{t('withdrawTitle')}</summary>
          <form action={action} className="mt-3 flex flex-col gap-4" noValidate>
            <FocusOnAnswer state={state} />
            {proof}
            <input type="hidden" name="intent" value="withdraw" />
            <p>{t('withdrawIntro')}</p>
            <Field
              key={state.values.reason}
              name="reason"
              label={f('optionalLabel', { label: t('withdrawReason') })}
              rows={2}
              defaultValue={state.values.intent === 'withdraw' ? state.values.reason : undefined}
              error={err('reason')}
              hint={t('commentHint')}
            />
            <ConfirmButton backLabel={f('back')} className="btn-quiet" disabled={pending} question={t('withdrawConfirm')} confirmLabel={t('withdraw')}>
              {t('withdraw')}
            </ConfirmButton>
          </form>
        </details>
      ) : null}
    </>
  );
}
