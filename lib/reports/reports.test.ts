import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { disbursements, projects } from '@/db/schema';
import { applyPaymentEvent } from '@/lib/donations/apply-event';
import { balanceOf, newPendingDonation, newProject, newUser } from '@/lib/donations/testing/fixtures';
import { accountCodes } from '@/lib/ledger/accounts';
import { genesisHash, hashEntry } from '@/lib/ledger/hash';
import { reverseDisbursement } from '@/lib/disbursements/reverse';
import { postDisbursement, postDonation } from '@/lib/ledger/movements';
import { randomIp, staffUser } from '@/lib/needs/test-fixtures';
import { applyOperation, newWorld, operationArb } from '@/lib/summaries/testing/operations';
import { draftDisclosure, getPublishedDisclosure, publishDisclosure } from './disclosures';
import { journalDownloads, openDataFile, type JournalExportEntry, type OpenDataFile } from './open-data';
import { getNeedsByArea } from './transparency';

const db = useTestDb();

describe('disclosures', () => {
  it('are drafted from the ledger, published only by an admin, and stay as published', async () => {
    const [project] = await db
      .insert(projects)
      .values({ slug: `d-${uniqueSuffix()}`, nameZh: '公开测试', nameEn: 'Disclosure test', summaryZh: '测试', summaryEn: 'Test', status: 'draft' })
      .returning();
    const admin = await staffUser(db, 'admin');
    const worker = await staffUser(db, 'social_worker');
    const at = new Date('2026-08-10T04:00:00Z');
    await db.transaction((tx) => postDonation(tx, { id: randomUUID(), projectId: project.id, amountFen: 50_000, certificateNo: 'D1', paidAt: at }));
    const [d] = await db
      .insert(disbursements)
      .values({ projectId: project.id, amountFen: 12_000, payee: 'x', purpose: '学习用品', category: 'goods', requestedById: worker.id, status: 'approved', decidedById: admin.id, decidedAt: new Date('2026-08-20T04:00:00Z') })
      .returning();
    await db.transaction((tx) => postDisbursement(tx, { disbursementId: d.id, projectId: project.id, amountFen: 12_000, purpose: '学习用品', postedById: admin.id, postedAt: new Date('2026-08-20T04:00:00Z') }));

    const draft = await draftDisclosure(db, project.id, '2026-07-01', '2026-09-30');
    expect(draft).toMatchObject({ openingFen: 0, donationsFen: 50_000, gifts: 1, spentFen: 12_000, closingFen: 38_000 });
    expect(draft.payments).toEqual([{ date: '2026-08-20', amountFen: 12_000, purpose: '学习用品', category: 'goods' }]);

    const input = { projectId: project.id, kind: 'quarterly' as const, periodStart: '2026-07-01', periodEnd: '2026-09-30' };
    await expect(publishDisclosure(db, { userId: worker.id }, input)).rejects.toMatchObject({ code: 'forbidden' });
    const { id } = await publishDisclosure(db, { userId: admin.id }, input);
    // Published again (a second administrator, an old page): the one already published, not a second one.
    expect(await publishDisclosure(db, { userId: admin.id }, input)).toEqual({ id, alreadyPublished: true });

    // Later money does not change what was published for the quarter.
    await db.transaction((tx) => postDonation(tx, { id: randomUUID(), projectId: project.id, amountFen: 7_000, certificateNo: 'D2', paidAt: new Date('2026-10-02T04:00:00Z') }));
    const published = await getPublishedDisclosure(db, id);
    expect(published?.content.closingFen).toBe(38_000);
    expect((await draftDisclosure(db, project.id, '2026-10-01', '2026-12-31')).openingFen).toBe(38_000);
  });
  it('list a payment in the period it was made, and its correction, with the public note, in the period it was reversed', async () => {
    const project = await newProject(db);
    const admin = await staffUser(db, 'admin');
    const worker = await staffUser(db, 'social_worker');
    await db.transaction((tx) => postDonation(tx, { id: randomUUID(), projectId: project.id, amountFen: 50_000, certificateNo: 'R1', paidAt: new Date('2026-08-10T04:00:00Z') }));
    const [d] = await db
      .insert(disbursements)
      .values({ projectId: project.id, amountFen: 12_000, payee: 'x', purpose: '学习用品', category: 'goods', requestedById: worker.id, status: 'approved', decidedById: admin.id, decidedAt: new Date('2026-08-20T04:00:00Z') })
      .returning();
    await db.transaction((tx) => postDisbursement(tx, { disbursementId: d.id, projectId: project.id, amountFen: 12_000, purpose: '学习用品', postedById: admin.id, postedAt: new Date('2026-08-20T04:00:00Z') }));
    await reverseDisbursement(db, { userId: admin.id }, { id: d.id, note: '重复申请，已撤销' });

    // Drafted after the correction, the quarter it was paid in still lists it: its "spent" includes it.
    const paid = await draftDisclosure(db, project.id, '2026-07-01', '2026-09-30');
    expect(paid.spentFen).toBe(12_000);
    expect(paid.payments).toEqual([{ date: '2026-08-20', amountFen: 12_000, purpose: '学习用品', category: 'goods' }]);
    // The period of the correction says why its spending went down.
    const corrected = await draftDisclosure(db, project.id, '2026-10-01', '2099-12-31');
    expect(corrected.spentFen).toBe(-12_000);
    expect(corrected.payments).toEqual([expect.objectContaining({ amountFen: -12_000, purpose: '学习用品', category: 'goods', reversalNote: '重复申请，已撤销' })]);
  });

  it('count a refund that failed after it was booked as no refund, not as money spent', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const pi = `pi_${randomUUID()}`;
    const event = (kind: string, e: Parameters<typeof applyPaymentEvent>[4]) => applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, kind, e);
    await event('checkout.paid', { kind: 'checkout_paid', donationId: d.id, providerPaymentId: pi, amountFen: 10_000, paidAt: new Date() });
    await event('refund', { kind: 'refund', providerPaymentId: pi, refundId: `${pi}:re_1`, amountFen: 3_000, failed: false });
    // The card was closed: the money came back to the programme's account, and the refund is reversed.
    await event('refund', { kind: 'refund', providerPaymentId: pi, refundId: `${pi}:re_1`, amountFen: 3_000, failed: true });

    const draft = await draftDisclosure(db, project.id, '2000-01-01', '2099-12-31');
    expect(draft).toMatchObject({ donationsFen: 10_000, refundsFen: 0, spentFen: 0, closingFen: 10_000 });
    expect(draft.openingFen + draft.donationsFen + draft.allocatedInFen - draft.refundsFen - draft.feesFen - draft.spentFen).toBe(draft.closingFen);
  });

  it('after any sequence of real operations, add up, and report as spent what the project paid out', async () => {
    const money = operationArb.filter((o) => ['give', 'refund', 'refundFails', 'refundBeforePayment', 'allocate', 'pay', 'reverse'].includes(o.op));
    await fc.assert(
      fc.asyncProperty(fc.array(money, { minLength: 1, maxLength: 14 }), async (operations) => {
        const project = await newProject(db);
        const [admin, worker] = await Promise.all([newUser(db, 'admin'), newUser(db, 'social_worker')]);
        const cast = { admin: admin.id, worker: worker.id, donors: [], projectId: project.id };
        const world = newWorld();
        for (const o of operations) await applyOperation(db, cast, world, o);
        const d = await draftDisclosure(db, project.id, '2000-01-01', '2099-12-31');
        expect(d.openingFen + d.donationsFen + d.allocatedInFen - d.refundsFen - d.feesFen - d.spentFen).toBe(d.closingFen);
        expect(d.spentFen).toBe(await balanceOf(db, accountCodes.paymentsOut(project.id)));
        expect(d.payments.reduce((sum, p) => sum + p.amountFen, 0)).toBe(d.spentFen);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('open data', () => {
  it('publishes the whole journal, in order, as a chain anyone can recompute, and nothing outside its file list', async () => {
    const file = (await openDataFile(db, 'journal.json', randomIp())) as OpenDataFile;
    const entries = JSON.parse(await new Response(file.body).text()) as JournalExportEntry[];
    expect(entries.length).toBeGreaterThan(0);
    const [{ n }] = await db.execute<{ n: string }>(sql`select count(*) as n from journal_entries where id <= ${entries.at(-1)!.id}`);
    expect(entries).toHaveLength(Number(n));
    let prev = genesisHash;
    for (const e of entries) {
      expect(e.prevHash).toBe(prev);
      expect(e.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(0);
      const lines = e.lines.map((l) => ({ accountCode: l.account, amountFen: l.amountFen }));
      expect(hashEntry({ ...e, postedAt: new Date(e.postedAt), lines }, prev)).toBe(e.hash);
      prev = e.hash;
    }
    expect(await openDataFile(db, '../../etc/passwd', randomIp())).toBeNull();
  });

  it('writes the same journal as CSV, a line per row, readable by a spreadsheet', async () => {
    const file = (await openDataFile(db, 'journal.csv', randomIp())) as OpenDataFile;
    const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark spreadsheets look for
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('entry_id,posted_at,kind,')).toBe(true);
    const rows = text.trimEnd().split('\r\n').slice(1);
    const last = Number(rows.at(-1)!.split(',')[0]);
    const [{ n }] = await db.execute<{ n: string }>(sql`select count(*) as n from journal_lines where entry_id <= ${last}`);
    expect(rows).toHaveLength(Number(n));
  });
});

describe('journal downloads', () => {
  it('are limited per address, the small files are not', async () => {
    const ip = randomIp();
    for (let i = 0; i < journalDownloads.max; i++) expect(await openDataFile(db, i % 2 ? 'journal.csv' : 'journal.json', ip)).not.toBe('throttled');
    expect(await openDataFile(db, 'journal.json', ip)).toBe('throttled');
    expect(await openDataFile(db, 'journal.csv', ip)).toBe('throttled');
    expect(await openDataFile(db, 'journal.csv', randomIp())).not.toBe('throttled');
    expect(await openDataFile(db, 'projects.csv', ip)).toMatchObject({ type: 'text/csv; charset=utf-8' });
  });
});

describe('small cells', () => {
  it('never publishes a sub-district × category count between 1 and 4', async () => {
    for (const c of await getNeedsByArea(db)) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(5);
  });
});
