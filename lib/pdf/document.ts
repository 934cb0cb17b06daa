import path from 'node:path';
import PDFDocument from 'pdfkit';

// Noto Sans SC (SIL Open Font License 1.1), shipped in the @expo-google-fonts/noto-sans-sc npm package. pdfkit
// embeds only the glyphs a document uses, so a certificate stays around 20 KB.
const fontDir = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
const regular = path.join(fontDir, '400Regular', 'NotoSansSC_400Regular.ttf');
const bold = path.join(fontDir, '700Bold', 'NotoSansSC_700Bold.ttf');

export const colours = { brand: '#b8322a', ink: '#2b2220', muted: '#5f524e', rule: '#d9cfcc' };

/** An A4 document with the fonts 'regular' and 'bold', and its bytes once `doc.end()` is called. */
export function startPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', ...options, font: regular });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/**
 * The one font embedded (Noto Sans SC) sets ’ “ ” full width, as Chinese wants them: beside Latin letters (English
 * text, "fund’s", “Smart Fruit”) they become straight ones; Chinese quotation marks stay as they are.
 */
export function latinQuotes(text: string): string {
  return text
    .replace(/(?<=[A-Za-z])’(?=[A-Za-z])/g, "'")
    .replace(/“(?=[A-Za-z0-9])/g, '"')
    .replace(/(?<=[A-Za-z0-9.,!?])”/g, '"');
}
