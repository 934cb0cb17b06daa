import { getDb } from '@/db/client';
import { loadProjectCover } from '@/lib/projects/cover';

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const cover = await loadProjectCover(getDb(), (await params).slug);
  if (!cover) return new Response('no cover', { status: 404 });
  return new Response(new Uint8Array(cover.data), {
    headers: { 'Content-Type': cover.contentType, 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
  });
}
