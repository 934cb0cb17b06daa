import { getTranslations } from 'next-intl/server';
import { Field } from '../_components/field';

/** A plain GET form: works without JavaScript and leaves nothing behind but the address. */
export async function VerifyForm({ no, code, errors = {} }: { no?: string; code?: string; errors?: { no?: string; code?: string } }) {
  const t = await getTranslations('certificate');
  return (
    <form action="/certificates" method="get" className="card flex flex-col gap-4">
      <Field name="no" label={t('verifyNo')} hint={t('verifyNoHint')} defaultValue={no ?? ''} autoComplete="off" spellCheck={false} error={errors.no} />
      <Field name="code" label={t('verifyCode')} defaultValue={code ?? ''} autoComplete="off" spellCheck={false} error={errors.code} />
      <button type="submit" className="btn-primary">
        {t('verifySubmit')}
      </button>
    </form>
  );
}
