'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { categories, kinds, populations, relations } from '@/lib/needs/intake-schema';
import { CheckboxCards, ConsentBox, RadioCards } from '../_components/choices';
import { Field } from '../_components/field';
import { emptyForm, type FormState } from '../_lib/form-state';
import { FocusOnAnswer, useFocusOnShow } from '../_components/focus-on-answer';

type Area = { id: string; nameZh: string; nameEn: string };
type Props = {
  areas: Area[];
  retentionMonths: number;
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  staff?: boolean;
};

/**
 * The request for help. Works without JavaScript (a plain form posting to a server action); the sections
 * for sensitive information, a child, or someone submitting on another's behalf appear through CSS :has()
 * as the choices are made, so nothing is asked that the chosen category does not need.
 */
export function IntakeForm({ areas, retentionMonths, action, staff }: Props) {
  const t = useTranslations('help');
  const n = useTranslations('needs');
  const f = useTranslations('forms');
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, emptyForm);
  const v = state.values;
  const err = (name: string) => (state.errors[name] ? f(state.errors[name]) : undefined);

  if (state.ok && state.message) return <Done code={state.message} caseId={staff ? (state.data as string | undefined) : undefined} elsewhere={staff && !state.data} />;
  const req = (label: string) => `${label} *`;
  const optional = (label: string) => f('optionalLabel', { label });
  return (
    <form action={formAction} className="intake flex flex-col gap-6" noValidate>
      <FocusOnAnswer state={state} />
      {state.message ? (
        <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800">
          {f(state.message)}
        </p>
      ) : Object.keys(state.errors).length ? (
        <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800">
          {f('fixErrors')}
        </p>
      ) : null}

      {staff ? (
        <RadioCards
          name="channel"
          legend={t('channel')}
          options={(['phone', 'paper'] as const).map((ch) => ({ value: ch, label: n(`channel.${ch}`) }))}
          defaultValue={v.channel ?? 'phone'}
        />
      ) : null}

      <fieldset className="card flex flex-col gap-4">
        <legend className="px-1 text-lg font-bold">{t('whoTitle')}</legend>
        <Field name="name" label={req(t('name'))} autoComplete="name" defaultValue={v.name} error={err('name')} />
        <Field name="phone" label={req(t('phone'))} type="tel" inputMode="tel" autoComplete="tel" defaultValue={v.phone} error={err('phone')} hint={t('phoneHint')} />
        <Field name="areaId" label={req(t('area'))} error={err('areaId')}>
          {/* Keyed by the value sent back: after an action React resets a select to its first default, not to what was chosen. */}
          <select key={v.areaId} id="areaId" name="areaId" className="field-input" defaultValue={v.areaId ?? ''} aria-invalid={err('areaId') ? true : undefined} aria-describedby={err('areaId') ? 'areaId-error' : undefined}>
            <option value="">{t('areaChoose')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {locale === 'en' ? a.nameEn : a.nameZh}
              </option>
            ))}
          </select>
        </Field>
        <Field name="village" label={req(t('village'))} defaultValue={v.village} error={err('village')} />
        <Field name="address" label={optional(t('address'))} autoComplete="street-address" defaultValue={v.address} error={err('address')} />
        <Field name="idNumber" label={optional(t('idNumber'))} defaultValue={v.idNumber} error={err('idNumber')} hint={t('idHint')} />
      </fieldset>

      <fieldset className="card flex flex-col gap-4">
        <legend className="px-1 text-lg font-bold">{t('behalfTitle')}</legend>
        <RadioCards name="relation" legend={req(t(staff ? 'staffRelation' : 'relation'))} columns={3} options={relations.map((r) => ({ value: r, label: n(`relation.${r}`) }))} defaultValue={v.relation ?? 'self'} error={err('relation')} />
        <div className="when-behalf flex flex-col gap-4">
          <Field name="submitterName" label={req(t('submitterName'))} defaultValue={v.submitterName} error={err('submitterName')} />
          <Field name="submitterPhone" label={req(t('submitterPhone'))} type="tel" inputMode="tel" defaultValue={v.submitterPhone} error={err('submitterPhone')} />
        </div>
      </fieldset>

      <fieldset className="card flex flex-col gap-4">
        <legend className="px-1 text-lg font-bold">{t('needTitle')}</legend>
        <RadioCards name="category" legend={req(t('category'))} options={categories.map((x) => ({ value: x, label: n(`category.${x}`) }))} defaultValue={v.category} error={err('category')} />
        <RadioCards name="kind" legend={req(t('kind'))} columns={1} options={kinds.map((x) => ({ value: x, label: n(`kind.${x}`) }))} defaultValue={v.kind} error={err('kind')} />
        <CheckboxCards name="populations" legend={t('populations')} options={populations.map((x) => ({ value: x, label: n(`population.${x}`) }))} defaultValues={v.populations?.split(',') ?? []} error={err('populations')} />
        <Field name="householdSize" label={req(t('householdSize'))} type="number" inputMode="numeric" min={1} max={30} defaultValue={v.householdSize ?? '1'} error={err('householdSize')} />
        <Field name="description" label={req(t('description'))} rows={5} defaultValue={v.description} error={err('description')} hint={t('descriptionHint')} />
        <Field name="estimatedCost" label={optional(t('estimatedCost'))} inputMode="decimal" defaultValue={v.estimatedCost} error={err('estimatedCost')} hint={t('estimatedCostHint')} />
      </fieldset>

      <fieldset className="when-sensitive card flex flex-col gap-4">
        <legend className="px-1 text-lg font-bold">{t('sensitiveTitle')}</legend>
        <p className="text-muted">{t('sensitiveIntro', { months: retentionMonths })}</p>
        <div className="when-health">
          <Field name="health" label={optional(t('health'))} rows={2} defaultValue={v.health} error={err('health')} hint={f('upTo', { max: 500 })} />
        </div>
        <div className="when-disability">
          <Field name="disability" label={optional(t('disability'))} rows={2} defaultValue={v.disability} error={err('disability')} hint={f('upTo', { max: 500 })} />
        </div>
        <div className="when-finances">
          <Field name="finances" label={optional(t('finances'))} rows={2} defaultValue={v.finances} error={err('finances')} hint={f('upTo', { max: 500 })} />
        </div>
        <ConsentBox name="sensitiveConsent" label={t(staff ? 'staffSensitiveConsent' : 'sensitiveConsent')} error={err('sensitiveConsent')} defaultChecked={v.sensitiveConsent === 'on'} />
      </fieldset>

      <fieldset className="when-children card flex flex-col gap-4">
        <legend className="px-1 text-lg font-bold">{t('childTitle')}</legend>
        <p className="text-muted">{t('childIntro')}</p>
        <Field name="guardianName" label={req(t('guardianName'))} defaultValue={v.guardianName} error={err('guardianName')} />
        <ConsentBox name="guardianConsent" label={t(staff ? 'staffGuardianConsent' : 'guardianConsent')} error={err('guardianConsent')} defaultChecked={v.guardianConsent === 'on'} />
      </fieldset>

      <section className="card flex flex-col gap-3" aria-labelledby="consent-title">
        <h2 id="consent-title" className="text-lg font-bold">
          {t('consentTitle')}
        </h2>
        <p>{t('consentText', { months: retentionMonths })}</p>
        <ConsentBox name="consent" label={req(t(staff ? 'staffConsent' : 'consent'))} error={err('consent')} defaultChecked={v.consent === 'on'} />
      </section>

      <button type="submit" className="btn-primary min-h-14 text-lg" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}

/** The answer to a request: its tracking code first, in view and in focus. Staff go on to the case they entered. */
function Done({ code, caseId, elsewhere }: { code: string; caseId?: string; elsewhere?: boolean }) {
  const t = useTranslations('help');
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <section className="card flex flex-col gap-4" aria-labelledby="done-title">
      <h2 id="done-title" ref={heading} tabIndex={-1} className="scroll-mt-4 text-2xl font-bold text-leaf-600">
        {t('doneTitle')}
      </h2>
      <div>
        <p className="font-semibold">{t('doneCode')}</p>
        <p className="my-2 select-all whitespace-nowrap rounded-xl bg-brand-50 px-2 py-4 text-center font-mono text-2xl font-bold tracking-wider text-brand-800 sm:text-3xl sm:tracking-[0.2em]" data-testid="tracking-code">
          {code}
        </p>
        <p className="text-muted">{t('doneCodeHint')}</p>
      </div>
      <div>
        <h3 className="font-bold">{t('doneNext')}</h3>
        <ol className="ml-6 list-decimal">
          <li>{t('doneNext1')}</li>
          <li>{t('doneNext2')}</li>
          <li>{t('doneNext3')}</li>
        </ol>
      </div>
      {elsewhere ? <p className="rounded-xl bg-sun-50 p-3">{t('doneElsewhere')}</p> : null}
      <div className="flex flex-wrap gap-3">
        {caseId ? (
          <Link href={`/workspace/cases/${caseId}`} className="btn-primary">
            {t('openCase')}
          </Link>
        ) : (
          <Link href="/track" className="btn-primary">
            {t('track')}
          </Link>
        )}
        <a href={caseId ? '/workspace/new' : '/help'} className="btn-quiet">
          {t('another')}
        </a>
      </div>
    </section>
  );
}
