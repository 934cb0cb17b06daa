import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { loadProjectCover } from '@/lib/projects/cover';

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const db = getDb();
  const cover = await loadProjectCover(db, await getActor(), (await params).slug);
  if (!cover) return new Response('no cover', { status: 404 });
  return new Response(new Uint8Array(cover.data), {
    headers: {
      'Content-Type': cover.contentType,
      // The address changes with the picture (?v=), so a public one is kept for good; a draft's stays with its editor.
      'Cache-Control': cover.draft ? 'private, no-store' : 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
