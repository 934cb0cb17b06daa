'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '../_components/field';

/** The official receipt request: its legal name and ID fields appear only when asked for. */
export function ReceiptFields({ values, err }: { values: Record<string, string>; err: (name: string) => string | undefined }) {
  const t = useTranslations('donate');
  const [wanted, setWanted] = useState(values.receipt === 'on');
  return (
    <div className="flex flex-col gap-4 rounded-xl bg-paper p-3">
      <label className="flex min-h-11 items-start gap-3">
        <input type="checkbox" name="receipt" checked={wanted} onChange={(e) => setWanted(e.currentTarget.checked)} className="mt-1 size-5 shrink-0" />
        <span>
          <span className="font-semibold">{t('receipt')}</span>
          <span className="block text-[0.95rem] text-muted">{t('receiptHint')}</span>
        </span>
      </label>
      {wanted ? (
        <>
          <Field name="legalName" label={t('legalName')} defaultValue={values.legalName ?? ''} error={err('legalName')} autoComplete="off" />
          <Field name="idNumber" label={t('idNumber')} defaultValue={values.idNumber ?? ''} error={err('idNumber')} autoComplete="off"
            maxLength={18} spellCheck={false} />
          <label className="flex min-h-11 items-start gap-3">
            <input type="checkbox" name="receiptConsent" defaultChecked={values.receiptConsent === 'on'} className="mt-1 size-5 shrink-0"
              aria-describedby={err('receiptConsent') ? 'receiptConsent-error' : undefined} />
            <span>{t('receiptConsent')}</span>
          </label>
          {err('receiptConsent') ? <p id="receiptConsent-error" className="field-error">{err('receiptConsent')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
