import { colours, latinQuotes, startPdf } from '@/lib/pdf/document';

/** Everything a published disclosure says, already in the reader's language. */
export type DisclosurePdfContent = {
  kind: string;
  title: string;
  period: string;
  org: string;
  figures: Array<[label: string, value: string]>;
  paymentsTitle: string;
  columns: [date: string, purpose: string, category: string, amount: string];
  payments: Array<[date: string, purpose: string, category: string, amount: string]>;
  noPayments: string;
  footer: string;
  metaTitle: string;
};

const { brand, ink, muted, rule } = colours;
const margin = 56;
// The payments table's columns: date, purpose (the rest of the line), category, amount (right-aligned).
const fixed = { date: 78, category: 96, amount: 96 };
const gap = 8;

/** A4 portrait; the payments run on over as many pages as they need, each page repeating the table's heading. */
export async function renderDisclosurePdf(given: DisclosurePdfContent): Promise<Buffer> {
  const c = { ...given, title: latinQuotes(given.title), payments: given.payments.map(([d, p, k, a]): typeof given.payments[number] => [d, latinQuotes(p), k, a]) };
  const { doc, bytes } = startPdf({ margin, info: { Title: c.metaTitle, Subject: c.kind } });
  const width = doc.page.width - 2 * margin;
  const bottom = () => doc.page.height - margin;

  doc.font('regular').fontSize(11).fillColor(muted).text(c.kind, margin, margin, { width });
  doc.font('bold').fontSize(20).fillColor(brand).text(c.title, { width });
  doc.font('regular').fontSize(12).fillColor(ink).text(c.period, { width });
  doc.fontSize(10).fillColor(muted).text(c.org, { width });
  doc.moveDown(1);

  for (const [label, value] of c.figures) {
    const y = doc.y;
    doc.font('regular').fontSize(12).fillColor(muted).text(label, margin, y, { width: width / 2 });
    const below = doc.y;
    doc.font('bold').fillColor(ink).text(value, margin + width / 2, y, { width: width / 2, align: 'right' });
    doc.y = Math.max(below, doc.y) + 3;
    doc.moveTo(margin, doc.y).lineTo(margin + width, doc.y).lineWidth(0.5).strokeColor(rule).stroke();
    doc.y += 5;
  }
  doc.moveDown(1);
  doc.font('bold').fontSize(14).fillColor(ink).text(c.paymentsTitle, margin, doc.y, { width });
  doc.moveDown(0.4);

  const purposeWidth = width - fixed.date - fixed.category - fixed.amount - 3 * gap;
  const xs = [margin, margin + fixed.date + gap, margin + width - fixed.amount - gap - fixed.category, margin + width - fixed.amount];
  const widths = [fixed.date, purposeWidth, fixed.category, fixed.amount];
  const row = (cells: readonly string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(10);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] })));
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (font === 'regular') row(c.columns, 'bold');
      doc.font(font).fontSize(10);
    }
    const y = doc.y;
    cells.forEach((cell, i) => doc.fillColor(font === 'bold' ? muted : ink).text(cell, xs[i], y, { width: widths[i], align: i === 3 ? 'right' : 'left' }));
    doc.y = y + height + 3;
    doc.moveTo(margin, doc.y).lineTo(margin + width, doc.y).lineWidth(0.5).strokeColor(rule).stroke();
    doc.y += 4;
  };
  if (c.payments.length === 0) doc.font('regular').fontSize(11).fillColor(ink).text(c.noPayments, margin, doc.y, { width });
  else {
    row(c.columns, 'bold');
    for (const p of c.payments) row(p, 'regular');
  }

  doc.moveDown(1);
  if (doc.y + 30 > bottom()) doc.addPage();
  doc.font('regular').fontSize(9).fillColor(muted).text(c.footer, margin, doc.y, { width });
  doc.end();
  return bytes;
}
