import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { donationsCsv } from '@/lib/donations/admin-csv';
import { allDonationsForExport, donationFiltersSchema } from '@/lib/donations/admin-list';
import { httpStatus, isAppError } from '@/lib/errors';

export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const filters = donationFiltersSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  try {
    const rows = await allDonationsForExport(getDb(), await getActor(), filters);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(donationsCsv(rows), {
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
