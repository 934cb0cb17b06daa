import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { VerifyForm } from './verify-form';

export async function generateMetadata() {
  return { title: (await getTranslations('certificate'))('verifyTitle') };
}

export default async function VerifyCertificatePage({ searchParams }: { searchParams: Promise<{ no?: string; code?: string }> }) {
  const [t, { no, code }] = await Promise.all([getTranslations('certificate'), searchParams]);
  if (no?.trim() && code?.trim()) redirect(`/certificates/${encodeURIComponent(no.trim().toUpperCase())}?code=${encodeURIComponent(code.trim())}`);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="page-title">{t('verifyTitle')}</h1>
      <p className="text-muted">{t('verifyIntro')}</p>
      <VerifyForm no={no} code={code} />
    </div>
  );
}
