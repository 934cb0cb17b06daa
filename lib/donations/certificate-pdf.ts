import { colours, latinQuotes, startPdf } from '@/lib/pdf/document';

/** Everything the certificate says, already in the reader's language. */
export type CertificatePdfContent = {
  title: string;
  subtitle: string;
  body: string;
  rows: Array<[label: string, value: string]>;
  note?: string;
  issuer: string;
  footer: string;
  metaTitle: string;
};

const { brand, ink, muted } = colours;

export async function renderCertificatePdf(given: CertificatePdfContent): Promise<Buffer> {
  const content = { ...given, body: latinQuotes(given.body), note: given.note && latinQuotes(given.note), rows: given.rows.map(([l, v]): [string, string] => [l, latinQuotes(v)]) };
  const { doc, bytes } = startPdf({
    layout: 'landscape',
    margin: 56,
    info: { Title: content.metaTitle, Author: content.issuer, Subject: content.title },
  });
  const { width, height } = doc.page;
  doc.lineWidth(3).strokeColor(brand).roundedRect(24, 24, width - 48, height - 48, 14).stroke();
  doc.lineWidth(0.8).roundedRect(34, 34, width - 68, height - 68, 10).stroke();

  const inner = width - 2 * 90;
  doc.font('bold').fontSize(34).fillColor(brand).text(content.title, 90, 78, { width: inner, align: 'center' });
  doc.font('regular').fontSize(13).fillColor(muted).text(content.subtitle, { width: inner, align: 'center' });
  doc.moveDown(1.4);
  doc.font('regular').fontSize(16).fillColor(ink).text(content.body, 90, doc.y, { width: inner, lineGap: 6 });
  doc.moveDown(1);

  // The particulars two to a line (a landscape page holds English's longer ones too), each line as tall as its
  // tallest label or value.
  const half = inner / 2;
  for (let i = 0; i < content.rows.length; i += 2) {
    const y = doc.y;
    let bottom = y;
    content.rows.slice(i, i + 2).forEach(([label, value], j) => {
      const x = 90 + j * half;
      doc.font('regular').fontSize(11).fillColor(muted).text(label, x, y, { width: 120 });
      bottom = Math.max(bottom, doc.y);
      doc.font('bold').fontSize(12).fillColor(ink).text(value, x + 126, y, { width: half - 136 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom;
    doc.moveDown(0.35);
  }
  if (content.note) {
    doc.moveDown(0.6);
    doc.font('bold').fontSize(13).fillColor(brand).text(content.note, 90, doc.y, { width: inner });
  }

  // Near the foot of the page, but never against the last line above it (English runs longer).
  doc.font('bold').fontSize(14).fillColor(ink).text(content.issuer, 90, Math.max(height - 150, doc.y + 28), { width: inner, align: 'right' });
  doc.font('regular').fontSize(10).fillColor(muted).text(content.footer, 90, Math.max(height - 100, doc.y + 14), { width: inner, align: 'center' });
  doc.end();
  return bytes;
}
