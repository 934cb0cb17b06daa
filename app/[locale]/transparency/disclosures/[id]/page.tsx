import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getPublishedDisclosure } from '@/lib/reports/disclosures';
import { DisclosureView } from '../../../_components/disclosure-view';
import { cachedPageLocale } from '../../../_lib/cached-page';

export { generateStaticParams } from '../../../_lib/cached-page';

export default async function DisclosurePage({ params }: { params: Promise<{ id: string; locale: string }> }) {
  const { id } = await params;
  await cachedPageLocale(params);
  if (!z.string().uuid().safeParse(id).success) notFound();
  const [t, row] = await Promise.all([getTranslations('disclosure'), getPublishedDisclosure(getDb(), id)]);
  if (!row) notFound();
  return (
    <div className="flex flex-col gap-3">
      <DisclosureView content={row.content} kind={row.kind as 'quarterly' | 'final'} />
      <p className="flex gap-3 print:hidden">
        <a href={`/transparency/disclosures/${id}/pdf`} className="btn-secondary" download>
          {t('pdf')}
        </a>
      </p>
    </div>
  );
}
