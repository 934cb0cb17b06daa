import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { dateFormat } from '@/lib/i18n/dates';
import { renderDisclosurePdf } from '@/lib/reports/disclosure-pdf';
import { getPublishedDisclosure } from '@/lib/reports/disclosures';
import { disclosureText } from '../../../../_lib/disclosure-text';

export const runtime = 'nodejs';

/** A published disclosure as a PDF to keep or pass on: what its page says, fixed once published. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; locale: string }> }): Promise<Response> {
  const { id, locale } = await params;
  const row = z.string().uuid().safeParse(id).success ? await getPublishedDisclosure(getDb(), id) : null;
  if (!row) return new Response('disclosure not found', { status: 404 });
  const kind = row.kind as 'quarterly' | 'final';
  const [text, t] = await Promise.all([disclosureText(row.content, kind, locale), getTranslations({ locale, namespace: 'disclosure' })]);
  const base = env().PUBLIC_BASE_URL ?? env().NEXTAUTH_URL ?? '';
  const published = t('published', { date: dateFormat(locale, { dateStyle: 'long' }).format(row.publishedAt) });
  const pdf = await renderDisclosurePdf({
    ...text,
    figures: [...text.figures, [text.people.label, `${text.people.personTimes} · ${text.people.needsServed}`]],
    footer: `${published} · ${base}/transparency/disclosures/${id}`,
    metaTitle: `${text.title} ${text.kind} ${row.periodStart}–${row.periodEnd}`,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="disclosure-${row.content.project.slug}-${row.periodStart}-${row.periodEnd}.pdf"`,
      // The same address serves either language (the NEXT_LOCALE cookie): no cache, the browser's included, may keep
      // one for both.
      'Cache-Control': 'private, no-store',
    },
  });
}
