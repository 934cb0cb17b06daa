import { describe, expect, it } from 'vitest';
import { useTestDb } from '@/db/test-db';
import { donationsCsv } from './admin-csv';
import { donationFiltersSchema, donationsForExport } from './admin-list';
import { bookFees } from './fee';
import { latinQuotes } from '@/lib/pdf/document';
import { renderCertificatePdf } from './certificate-pdf';
import { certificateCode, verifyCertificate } from './certificates';
import { fulfilDonation } from './fulfil';
import { donationRow, newPendingDonation, newProject, newUser } from './testing/fixtures';

const db = useTestDb();

describe('certificates', () => {
  it('are verified by number and code together, and show no name for an anonymous gift', async () => {
    const project = await newProject(db);
    const named = await newPendingDonation(db, { projectId: project.id, displayName: '陈爱心', message: '加油', contactCiphertext: 'x' });
    const hidden = await newPendingDonation(db, { projectId: project.id, displayName: '不想公开', anonymous: true });
    await fulfilDonation(db, named.id, {});
    await fulfilDonation(db, hidden.id, {});
    const [a, b] = [(await donationRow(db, named.id)).certificateNo!, (await donationRow(db, hidden.id)).certificateNo!];

    expect(await verifyCertificate(db, a, 'WRONGCODE0')).toBeNull();
    expect(await verifyCertificate(db, a, certificateCode(b))).toBeNull();
    const shown = await verifyCertificate(db, a, certificateCode(a).toLowerCase());
    expect(shown).toMatchObject({ no: a, amountFen: 10000, donorName: '陈爱心', projectNameZh: '测试项目', status: 'paid' });
    expect(JSON.stringify(shown)).not.toContain('加油');
    const anonymous = await verifyCertificate(db, b, certificateCode(b));
    expect(anonymous?.donorName).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain('不想公开');
  });

  it('render as a small PDF with the Chinese font embedded as a subset', async () => {
    const pdf = await renderCertificatePdf({
      title: '捐赠证明',
      subtitle: '“爱在江北”救助服务行动计划专项基金',
      body: '兹证明 陈爱心 于 2026年3月3日 向“爱在江北”专项基金捐赠人民币 ¥100，用于“智慧果”项目。',
      rows: [['证书编号', 'AZJB-2026-000001']],
      issuer: '宁波市江北区慈善总会',
      footer: '验证：https://example.org/certificates',
      metaTitle: '捐赠证明 AZJB-2026-000001',
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf.length).toBeLessThan(80_000);
  });

  it('in English, with labels over two lines and a long issuer, stays on one page', async () => {
    const pdf = await renderCertificatePdf({
      title: 'Donation Certificate',
      subtitle: 'Love in Jiangbei assistance programme fund',
      body: 'This certifies that Chen Aixin gave ¥20 to the Love in Jiangbei fund by monthly giving on December 8, 2026, for the fund’s general use (unrestricted). Thank you for standing with people in hardship in Jiangbei.',
      rows: [
        ['Certificate no.', 'AZJB-2026-000193'],
        ['Verification code', '68D660562C'],
        ['Amount', '¥20'],
        ['Date', 'December 8, 2026'],
        ['For', 'the fund’s general use (unrestricted)'],
        ['Unified social credit code', '5133020000000000XX (demo)'],
        ['Public fundraising record no.', '0000 (demo)'],
      ],
      note: 'This gift has been refunded in part.',
      issuer: 'Ningbo Jiangbei District Charity Federation (Love in Jiangbei Fund)',
      footer: 'Verify at https://example.org/certificates',
      metaTitle: 'Donation Certificate AZJB-2026-000193',
    });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('set English quotation marks straight in the PDF, and leave Chinese ones', () => {
    expect(latinQuotes('the fund’s general use, for “Smart Fruit”')).toBe(`the fund's general use, for "Smart Fruit"`);
    expect(latinQuotes('用于“智慧果”项目')).toBe('用于“智慧果”项目');
  });
});

async function* pagesOf<T>(rows: T[]) {
  yield rows;
}

describe('the donations CSV', () => {
  it('holds no personal data and no spreadsheet formulas', async () => {
    const parts = donationsCsv(pagesOf([
      {
        id: 'x', projectId: null, createdAt: new Date('2026-03-01T02:00:00Z'), paidAt: new Date('2026-03-01T02:01:00Z'),
        certificateNo: 'AZJB-2026-000001', projectSlug: null, projectNameZh: null, projectNameEn: null, amountFen: 10050,
        refundedFen: 50, feeFen: 0, feePending: false, status: 'partially_refunded', provider: 'stripe', providerPaymentId: '=HYPERLINK("x")',
        displayName: '陈爱心', anonymous: false, hasAccount: true, monthly: false, receiptRequested: true, receiptNumber: null,
      },
    ]));
    let csv = '';
    for await (const part of parts) csv += part;
    expect(csv).not.toContain('陈爱心');
    // Amounts are numbers, so a spreadsheet sums them (and a negative net is not quoted as text).
    expect(csv).toContain('100.5,0.5,0,100,partially_refunded');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.startsWith('\uFEFFcreated_at,')).toBe(true);
  });

  it("leaves the fee and the net blank while the processor's fee is still to be learnt, then fills them", async () => {
    const admin = await newUser(db, 'admin');
    const d = await newPendingDonation(db, { projectId: null, amountFen: 10000 });
    await fulfilDonation(db, d.id, { providerPaymentId: `pi_${d.id}`, feeFollows: true });
    const filters = donationFiltersSchema.parse({ q: (await donationRow(db, d.id)).certificateNo! });
    const exported = async () => {
      let csv = '';
      for await (const part of donationsCsv(await donationsForExport(db, { userId: admin.id }, filters))) csv += part;
      return csv.split(/\r?\n/)[1];
    };
    expect(await exported()).toContain(',100,0,,,paid,');
    await bookFees(db, [{ donationId: d.id, feeFen: 60 }]);
    expect(await exported()).toContain(',100,0,0.6,99.4,paid,');
  });
});
