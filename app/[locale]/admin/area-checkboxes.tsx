'use client';

import { useLocale, useTranslations } from 'next-intl';

export type Area = { id: string; nameZh: string; nameEn: string };

/** The sub-districts a social worker covers, as checkboxes, with their error (a new account, or a change to one). */
export function AreaCheckboxes({ idPrefix, areas, ticked, error }: { idPrefix: string; areas: Area[]; ticked: string[]; error?: string }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">{t('areas')}</legend>
      {/* Two to a line; one with large text on a phone, where two columns cut "Sub-district" in half (the rem in the
          query grows with the text). */}
      <div className="@container">
        <div className="grid grid-cols-1 gap-2 @[12rem]:grid-cols-2">
          {areas.map((area) => (
            <label key={area.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="areaIds" value={area.id} className="size-5 shrink-0" defaultChecked={ticked.includes(area.id)} />
              {locale === 'en' ? area.nameEn : area.nameZh}
            </label>
          ))}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
