import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { donationsCsv } from '@/lib/donations/admin-csv';
import { donationFiltersSchema, donationsForExport } from '@/lib/donations/admin-list';
import { httpStatus, isAppError } from '@/lib/errors';
import { shanghaiDay } from '@/lib/needs/sla';
import { textStream } from '@/lib/text-stream';

export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const filters = donationFiltersSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  try {
    const pages = await donationsForExport(getDb(), await getActor(), filters);
    const day = shanghaiDay(new Date()); // the day here, as the pages show it (times inside are UTC, ISO 8601)
    return new Response(textStream(donationsCsv(pages)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="donations-${day}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (e) {
    if (isAppError(e)) return new Response(e.code, { status: httpStatus[e.code] });
    throw e;
  }
}
