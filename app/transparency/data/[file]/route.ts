import { getDb } from '@/db/client';
import { openDataFile } from '@/lib/reports/open-data';

export const dynamic = 'force-dynamic';

/** Open data downloads: public, and built only from what the report already publishes. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const data = await openDataFile(getDb(), file);
  if (!data) return new Response('Not found', { status: 404 });
  return new Response(data.body, {
    headers: { 'Content-Type': data.type, 'Content-Disposition': `attachment; filename="aizaijiangbei-${file}"` },
  });
}
