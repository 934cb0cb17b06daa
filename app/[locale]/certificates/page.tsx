import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { VerifyForm } from './verify-form';

export async function generateMetadata() {
  return { title: (await getTranslations('certificate'))('verifyTitle') };
}

export default async function VerifyCertificatePage({ searchParams }: { searchParams: Promise<{ no?: string; code?: string }> }) {
  const [t, f, { no, code }] = await Promise.all([getTranslations('certificate'), getTranslations('forms'), searchParams]);
  if (no?.trim() && code?.trim()) redirect(`/certificates/${encodeURIComponent(no.trim().toUpperCase())}?code=${encodeURIComponent(code.trim())}`);
  // Sent with a field left empty (the form was sent, so at least one of them is in the address): said at that field.
  const sent = no !== undefined || code !== undefined;
  const errors = sent ? { no: no?.trim() ? undefined : f('required'), code: code?.trim() ? undefined : f('required') } : {};
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="page-title">{t('verifyTitle')}</h1>
      <p className="text-muted">{t('verifyIntro')}</p>
      <VerifyForm no={no} code={code} errors={errors} />
    </div>
  );
}
