import { getDb } from '@/db/client';
import { journalDownloads, openDataFile } from '@/lib/reports/open-data';
import { clientIp } from '../../../[locale]/_lib/request';

export const dynamic = 'force-dynamic';

/** Open data downloads: public, and built only from what the report already publishes. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const data = await openDataFile(getDb(), file, await clientIp());
  if (!data) return new Response('Not found', { status: 404 });
  if (data === 'throttled') {
    return new Response('下载过于频繁，请一小时后再试。\nToo many downloads of the journal from this address; please try again within the hour.\n', {
      status: 429,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(journalDownloads.windowSeconds) },
    });
  }
  return new Response(data.body, {
    headers: { 'Content-Type': data.type, 'Content-Disposition': `attachment; filename="aizaijiangbei-${file}"` },
  });
}
