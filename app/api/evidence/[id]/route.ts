import { getDb } from '@/db/client';
import { readEvidence } from '@/lib/disbursements/disbursements';
import { getActor } from '@/lib/auth/session';
import { httpStatus, isAppError } from '@/lib/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Evidence files, only for staff, checked here where the file is read. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const file = await readEvidence(getDb(), await getActor(), id);
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (e) {
    if (isAppError(e)) return new Response(null, { status: httpStatus[e.code] });
    throw e;
  }
}
