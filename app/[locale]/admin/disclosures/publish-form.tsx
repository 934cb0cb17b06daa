import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay } from '@/lib/i18n/dates';
import { ConfirmButton } from '../../_components/confirm-button';
import { publishDisclosureAction } from './actions';

type Due = { projectId: string; kind: 'quarterly' | 'final'; start: string; end: string; nameZh: string; nameEn: string };

/** Publishing one disclosure, after a question that names it: from the list of those due and from its preview. */
export async function PublishForm({ due, className }: { due: Due; className?: string }) {
  const [t, forms, locale] = await Promise.all([getTranslations('disclosure'), getTranslations('forms'), getLocale()]);
  const period = t('period', { start: formatDay(locale, due.start), end: formatDay(locale, due.end) });
  return (
    <form action={publishDisclosureAction} className={className}>
      <input type="hidden" name="projectId" value={due.projectId} />
      <input type="hidden" name="kind" value={due.kind} />
      <input type="hidden" name="periodStart" value={due.start} />
      <input type="hidden" name="periodEnd" value={due.end} />
      <ConfirmButton
        backLabel={forms('back')}
        className="btn-primary w-full"
        confirmLabel={t('publishYes')}
        question={t('publishConfirm', { name: locale === 'en' ? due.nameEn : due.nameZh, period })}
      >
        {t('publish')}
      </ConfirmButton>
    </form>
  );
}
