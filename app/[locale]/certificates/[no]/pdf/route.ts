import { getDb } from '@/db/client';
import { renderCertificatePdf } from '@/lib/donations/certificate-pdf';
import { verifyCertificate } from '@/lib/donations/certificates';
import { certificateText } from '../../certificate-text';

export const runtime = 'nodejs';

export async function GET(req: Request, { params }: { params: Promise<{ no: string }> }): Promise<Response> {
  const no = decodeURIComponent((await params).no);
  const code = new URL(req.url).searchParams.get('code') ?? '';
  const certificate = await verifyCertificate(getDb(), no, code);
  if (!certificate) return new Response('certificate not found', { status: 404 });
  const pdf = await renderCertificatePdf(await certificateText(certificate));
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${no}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
