import { getDb } from '@/db/client';
import { wordsIn } from '@/lib/i18n/history';
import { locales } from '@/lib/i18n/locales';
import { journalDownloads, openDataFile } from '@/lib/reports/open-data';
import { clientIp } from '../../../[locale]/_lib/request';

export const dynamic = 'force-dynamic';

/** Open data downloads: public, and built only from what the report already publishes. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const data = await openDataFile(getDb(), file, await clientIp());
  if (!data) return new Response('Not found', { status: 404 });
  if (data === 'throttled') {
    // Outside the localised pages: Chinese first, then English, from the catalogs.
    const text = locales.map((l) => `${wordsIn(l)('transparency.journalThrottled', { max: journalDownloads.max })}\n`).join('');
    return new Response(text, {
      status: 429,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(journalDownloads.windowSeconds) },
    });
  }
  return new Response(data.body, {
    headers: { 'Content-Type': data.type, 'Content-Disposition': `attachment; filename="aizaijiangbei-${file}"` },
  });
}
