'use client';

import { useTranslations } from 'next-intl';
import type { NeedAction } from '@/lib/needs/status';
import { CaseForm, CaseInput, CaseSelect } from './case-form';

type Props = {
  needId: string;
  actions: NeedAction[];
  assigneeId: string | null;
  viewerId: string;
  canAssignOthers: boolean;
  staff: { id: string; name: string }[];
  hardship: number | null;
  urgency: string;
  status: string;
};

/** The actions allowed in the case's current status (lib/ refuses the others whatever is posted). */
export function CaseActions(p: Props) {
  const t = useTranslations('case');
  const n = useTranslations('needs');
  const has = (a: NeedAction) => p.actions.includes(a);
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const open = !['closed', 'withdrawn', 'invalid'].includes(p.status);

  return (
    <section className="card flex flex-col gap-5" aria-labelledby="actions">
      <h2 id="actions" className="font-bold">
        {t('actions')}
      </h2>

      {open && p.assigneeId !== p.viewerId ? (
        p.canAssignOthers ? (
          <CaseForm needId={p.needId} intent="assign" submit={t('assign')} tone="secondary">
            <CaseSelect name="assigneeId" label={t('assignTo')} options={p.staff.map((s) => ({ value: s.id, label: s.name }))} defaultValue={p.assigneeId ?? p.viewerId} />
          </CaseForm>
        ) : (
          <CaseForm needId={p.needId} intent="assign" submit={t('claim')} tone="secondary">
            <input type="hidden" name="assigneeId" value={p.viewerId} />
          </CaseForm>
        )
      ) : null}

      {has('start_screening') ? <CaseForm needId={p.needId} intent="command" action="start_screening" submit={t('startScreening')} /> : null}

      {has('verify_valid') ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <CaseForm needId={p.needId} intent="command" action="verify_valid" submit={t('verifyValid')}>
            <CaseInput name="note" label={t('note')} multiline />
          </CaseForm>
          <CaseForm needId={p.needId} intent="command" action="verify_invalid" submit={t('verifyInvalid')} tone="secondary" confirm={t('invalidConfirm')} confirmNeeds="reason">
            <CaseInput name="reason" label={t('reason')} multiline />
          </CaseForm>
        </div>
      ) : null}

      {open && p.status !== 'submitted' ? (
        <details>
          <summary className="cursor-pointer font-semibold">{t('assess')}</summary>
          <div className="mt-3">
            <CaseForm needId={p.needId} intent="assess" submit={t('saveAssessment')} tone="quiet">
              <CaseSelect name="hardship" label={t('hardship')} options={[1, 2, 3, 4, 5].map((h) => ({ value: String(h), label: String(h) }))} defaultValue={String(p.hardship ?? 3)} />
              <CaseSelect
                name="urgency"
                label={t('urgency')}
                options={(['low', 'normal', 'high', 'critical'] as const).map((u) => ({ value: u, label: n(`urgency.${u}`) }))}
                defaultValue={p.urgency}
              />
            </CaseForm>
          </div>
        </details>
      ) : null}

      {has('record_service') ? (
        <CaseForm needId={p.needId} intent="command" action="record_service" submit={t('doRecord')}>
          <h3 className="font-semibold">{t('recordService')}</h3>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <CaseInput name="servedOn" label={t('servedOn')} type="date" defaultValue={today} />
            <CaseInput name="serviceType" label={t('serviceType')} />
            <CaseInput name="hours" label={t('hours')} inputMode="decimal" defaultValue="1" />
            <CaseInput name="personTimes" label={t('personTimes')} inputMode="numeric" defaultValue="1" />
          </div>
          <CaseInput name="deliveredBy" label={t('deliveredBy')} />
        </CaseForm>
      ) : null}

      {has('mark_fulfilled') ? (
        <CaseForm needId={p.needId} intent="command" action="mark_fulfilled" submit={t('markFulfilled')}>
          <CaseInput name="note" label={t('note')} multiline />
        </CaseForm>
      ) : null}

      {has('close') ? (
        <CaseForm needId={p.needId} intent="command" action="close" submit={t('doClose')} confirm={t('closeConfirm')} confirmNeeds="note">
          <CaseInput name="note" label={t('followup')} multiline />
        </CaseForm>
      ) : null}

      {has('reopen') ? (
        <CaseForm needId={p.needId} intent="command" action="reopen" submit={t('doReopen')} tone="quiet">
          <CaseInput name="reason" label={t('reopenReason')} multiline />
        </CaseForm>
      ) : null}

      <CaseForm needId={p.needId} intent="note" submit={t('saveNote')} tone="quiet">
        <CaseInput name="note" label={t('addNote')} multiline />
      </CaseForm>
    </section>
  );
}
