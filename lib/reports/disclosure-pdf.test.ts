import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { renderDisclosurePdf, type DisclosurePdfContent } from './disclosure-pdf';

const content = (payments: DisclosurePdfContent['payments']): DisclosurePdfContent => ({
  kind: '季度公开',
  title: '智慧果',
  period: '2026年7月1日 至 2026年9月30日',
  org: '募捐主体：宁波市江北区慈善总会',
  figures: [
    ['期初结余', '¥1,000.00'],
    ['本期募得善款', '¥5,300.00（12 笔）'],
    ['本期支出', '¥4,200.00'],
    ['期末结余', '¥2,100.00'],
    ['本期服务', '30 人次 · 8 个帮扶个案'],
  ],
  paymentsTitle: '支出明细',
  columns: ['日期', '用途', '类别', '金额'],
  payments,
  noPayments: '本期没有支出。',
  footer: '发布于 2026年10月8日 · https://example.org/transparency/disclosures/x',
  metaTitle: '智慧果 季度公开 2026-07-01–2026-09-30',
});

const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('a disclosure PDF', () => {
  it('is one page with the Chinese font embedded as a subset when nothing was paid out', async () => {
    const pdf = await renderDisclosurePdf(content([]));
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pages(pdf)).toBe(1);
  });

  it('runs a long list of payments over further pages rather than off the first', async () => {
    const one = await renderDisclosurePdf(content([['2026-07-02', '为独居老人购置助行器和防滑垫', '物资', '¥320.00']]));
    const many = await renderDisclosurePdf(
      content(Array.from({ length: 150 }, (_, i) => [`2026-08-${String((i % 28) + 1).padStart(2, '0')}`, `第 ${i + 1} 笔：${'为困难家庭儿童购买学习用品、冬衣和书包，'.repeat(1 + (i % 3))}`, '物资', '¥88.50'])),
    );
    expect(pages(one)).toBe(1);
    // 150 rows of one to three lines cannot fit on one A4 page, nor need more than about one page per 25 rows.
    expect(pages(many)).toBeGreaterThanOrEqual(4);
    expect(pages(many)).toBeLessThanOrEqual(12);
  });

  it('repeats the table heading at the top of every page the payments run onto', async () => {
    const text = vi.spyOn(PDFDocument.prototype, 'text');
    try {
      const pdf = await renderDisclosurePdf(content(Array.from({ length: 90 }, (_, i) => ['2026-08-01', `第 ${i + 1} 笔：冬衣和书包`, '物资', '¥88.50'])));
      const headings = text.mock.calls.filter(([s]) => s === '用途').length;
      expect(pages(pdf)).toBeGreaterThan(1);
      expect(headings).toBe(pages(pdf));
    } finally {
      text.mockRestore();
    }
  });
});
