import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { disbursements, donations, evidenceFiles, ledgerAccounts, piiAccessLog, projects, userAreas } from '@/db/schema';
import { decideDisbursement, disbursementRequestSchema, listDisbursements, listEvidenceFor, readEvidence, requestDisbursement } from '@/lib/disbursements/disbursements';
import { actOnCase, type CaseCommand } from '@/lib/needs/case-actions';
import { submitNeed } from '@/lib/needs/intake';
import { reverseDisbursement } from '@/lib/disbursements/reverse';
import { activeProjectId, intake, randomIp, staffUser } from '@/lib/needs/test-fixtures';
import { accountCodes } from './accounts';
import { allocateToProject, allocationSchema } from './allocate';
import { postOutOfGift } from '@/lib/donations/refund';
import { postAllocation, postDisbursement, postDonation } from './movements';
import { traceDonation, traceDonations } from './trace';
import { verifyBalances, verifyChain, verifyInflows } from './verify';

const db = useTestDb();
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function newProject() {
  const [p] = await db
    .insert(projects)
    .values({ slug: `l-${uniqueSuffix()}`, nameZh: '账本测试', nameEn: 'Ledger test', summaryZh: '测试', summaryEn: 'Test', status: 'draft' })
    .returning();
  return p.id;
}

async function give(projectId: string | null, amountFen: number) {
  const [d] = await db
    .insert(donations)
    .values({ projectId, amountFen, provider: 'demo', status: 'paid', certificateNo: `T-${uniqueSuffix()}`, paidAt: new Date() })
    .returning();
  await db.transaction((tx) => postDonation(tx, { id: d.id, projectId, amountFen, certificateNo: d.certificateNo!, paidAt: new Date() }));
  return d.id;
}

const fund = async (projectId: string) =>
  (await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, accountCodes.projectFund(projectId))))[0]?.balanceFen ?? 0;

describe('payments out', () => {
  it('never overspend, even with 50 approvals racing', async () => {
    const projectId = await newProject();
    await give(projectId, 100_000);
    const worker = await staffUser(db, 'social_worker');
    const admin = await staffUser(db, 'admin');
    const requests = [];
    for (let i = 0; i < 50; i++) {
      requests.push(
        await requestDisbursement(
          db,
          { userId: worker.id },
          { projectId, needCode: '', amount: '30', payee: '文具店', purpose: `学习用品 ${i}`, category: 'goods' },
          [{ name: 'receipt.png', content: png }],
        ),
      );
    }
    const results = await Promise.allSettled(requests.map((r) => decideDisbursement(db, { userId: admin.id }, r.id, { decision: 'approve', reason: '票据齐全' })));
    const approved = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    expect(approved).toBe(33);
    expect(refused).toHaveLength(17);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'insufficient_funds' });
    expect(await fund(projectId)).toBe(100_000 - 33 * 3000);
    const rows = await db.select().from(disbursements).where(eq(disbursements.projectId, projectId));
    expect(rows.filter((r) => r.status === 'approved')).toHaveLength(33);
    expect(rows.filter((r) => r.status === 'requested')).toHaveLength(17);
    const codes = [accountCodes.projectFund(projectId), accountCodes.paymentsOut(projectId)];
    expect(await verifyBalances(db, codes)).toEqual([]);
    expect(await verifyInflows(db, codes)).toEqual([]);
  }, 60_000);

  it('need a second person: the requester cannot approve their own request', async () => {
    const projectId = await newProject();
    await give(projectId, 10_000);
    const admin = await staffUser(db, 'admin');
    const worker = await staffUser(db, 'social_worker');
    const own = await requestDisbursement(db, { userId: admin.id }, { projectId, needCode: '', amount: '10', payee: 'x', purpose: '测试', category: 'goods' }, [
      { name: 'a.png', content: png },
    ]);
    await expect(decideDisbursement(db, { userId: admin.id }, own.id, { decision: 'approve', reason: '自己批' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decideDisbursement(db, { userId: worker.id }, own.id, { decision: 'approve', reason: '社工批' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('are not approved without evidence (a request from before evidence was required), only rejected', async () => {
    const projectId = await newProject();
    await give(projectId, 10_000);
    const [worker, admin] = [await staffUser(db, 'social_worker'), await staffUser(db, 'admin')];
    const [bare] = await db
      .insert(disbursements)
      .values({ projectId, amountFen: 1_000, payee: 'x', purpose: '旧申请', category: 'goods', requestedById: worker.id, status: 'requested' })
      .returning();
    await expect(decideDisbursement(db, { userId: admin.id }, bare.id, { decision: 'approve', reason: '同意' })).rejects.toMatchObject({
      fields: { reason: 'approve_needs_evidence' },
    });
    expect(await fund(projectId)).toBe(10_000);
    await expect(decideDisbursement(db, { userId: admin.id }, bare.id, { decision: 'reject', reason: '请补交票据' })).resolves.toEqual({ status: 'rejected' });
  });

  it('need real evidence, checked by content', async () => {
    const projectId = await newProject();
    const worker = await staffUser(db, 'social_worker');
    const input = { projectId, needCode: '', amount: '10', payee: 'x', purpose: '测试', category: 'goods' as const };
    const exe = new TextEncoder().encode('MZ this is not a receipt');
    await expect(requestDisbursement(db, { userId: worker.id }, input, [{ name: 'receipt.pdf', content: exe }])).rejects.toMatchObject({
      fields: { evidence: 'evidence_type' },
    });
    await expect(requestDisbursement(db, { userId: worker.id }, input, [])).rejects.toMatchObject({ fields: { evidence: 'evidence_required' } });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expect(requestDisbursement(db, { userId: worker.id }, input, [{ name: 'big.jpg', content: big }])).rejects.toMatchObject({
      fields: { evidence: 'evidence_size' },
    });
    const donor = await staffUser(db, 'donor');
    await expect(requestDisbursement(db, { userId: donor.id }, input, [{ name: 'a.png', content: png }])).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('evidence and payments for one person', () => {
  it('are visible only to staff whose scope covers the need', async () => {
    const projectId = await activeProjectId(db, 'yunshouhu');
    const admin = await staffUser(db, 'admin');
    const insider = await staffUser(db, 'social_worker');
    const outsider = await staffUser(db, 'social_worker');
    await db.insert(userAreas).values([
      { userId: insider.id, areaId: 'cicheng' },
      { userId: outsider.id, areaId: 'zhongma' },
    ]);
    const { needId, code } = await submitNeed(db, intake({ areaId: 'cicheng' }), { ip: randomIp() });
    for (const command of [{ action: 'start_screening' }, { action: 'verify_valid', note: '' }, { action: 'match', projectId, reason: '' }] as CaseCommand[]) {
      await actOnCase(db, { userId: admin.id }, needId, command);
    }
    const input = { projectId, needCode: code, amount: '20', payee: '某药店', purpose: '药品', category: 'goods' as const };
    // Outside their sub-districts, a need is as if not in the project (the answer reveals nothing about it).
    const notHere = { code: 'invalid_input', fields: { needCode: 'need_not_in_project' } };
    await expect(requestDisbursement(db, { userId: outsider.id }, input, [{ name: 'r.png', content: png }])).rejects.toMatchObject(notHere);
    const otherProject = await activeProjectId(db, 'linliban');
    await expect(requestDisbursement(db, { userId: insider.id }, { ...input, projectId: otherProject }, [{ name: 'r.png', content: png }])).rejects.toMatchObject(notHere);
    // The purpose is published: naming the person it is for is refused, and the check's read of their record is logged.
    const named = requestDisbursement(db, { userId: insider.id }, { ...input, purpose: '为测试居民购买药品' }, [{ name: 'r.png', content: png }]);
    await expect(named).rejects.toMatchObject({ code: 'invalid_input', fields: { purpose: 'names_someone' } });
    const checks = await db.select().from(piiAccessLog).where(and(eq(piiAccessLog.needId, needId), eq(piiAccessLog.purpose, 'payment_purpose_check')));
    expect(checks).toHaveLength(1);
    expect(disbursementRequestSchema.safeParse({ ...input, purpose: '药品，联系 138 1234 5678' }).error?.issues[0].message).toBe('names_someone');
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, content: png }));
    await expect(requestDisbursement(db, { userId: insider.id }, input, six)).rejects.toMatchObject({ fields: { evidence: 'evidence_too_many' } });
    // The case's code as people type it (no dashes, lower case) finds the case.
    const req = await requestDisbursement(db, { userId: insider.id }, { ...input, needCode: code.replace(/-/g, '').toLowerCase() }, [{ name: 'r.png', content: png }]);
    expect((await listDisbursements(db, { userId: insider.id })).find((d) => d.id === req.id)?.needCode).toBe(code);
    const [file] = (await listEvidenceFor(db, { userId: insider.id }, [req.id])).get(req.id)!;
    expect(file.fileName).toBe('evidence-1.png'); // not the name it was uploaded under
    expect((await listEvidenceFor(db, { userId: outsider.id }, [req.id])).get(req.id)).toBeUndefined();
    // Stored encrypted; each opening is logged against the need.
    const [stored] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, file.id));
    expect(stored.keyId).not.toBeNull();
    expect(Buffer.from(stored.content).includes(Buffer.from(png))).toBe(false);
    const opened = await readEvidence(db, { userId: insider.id }, file.id);
    expect(opened).toMatchObject({ mimeType: 'image/png' });
    expect(Buffer.from(opened.content).equals(Buffer.from(png))).toBe(true);
    const views = await db.select().from(piiAccessLog).where(and(eq(piiAccessLog.needId, needId), eq(piiAccessLog.purpose, 'evidence_view')));
    expect(views.map((v) => v.actorId)).toEqual([insider.id]);
    await expect(readEvidence(db, { userId: outsider.id }, file.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listDisbursements(db, { userId: outsider.id })).some((d) => d.id === req.id)).toBe(false);
    expect((await listDisbursements(db, { userId: insider.id })).some((d) => d.id === req.id)).toBe(true);

    // A payment for the whole project: its receipts go to administrators and to whoever asked, not to every worker.
    const whole = await requestDisbursement(db, { userId: insider.id }, { ...input, needCode: '', purpose: '项目物资' }, [{ name: 'w.png', content: png }]);
    const [wholeFile] = (await listEvidenceFor(db, { userId: insider.id }, [whole.id])).get(whole.id)!;
    expect((await listEvidenceFor(db, { userId: admin.id }, [whole.id])).get(whole.id)).toHaveLength(1);
    expect((await listEvidenceFor(db, { userId: outsider.id }, [whole.id])).get(whole.id)).toBeUndefined();
    await expect(readEvidence(db, { userId: outsider.id }, wholeFile.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(readEvidence(db, { userId: admin.id }, wholeFile.id)).resolves.toMatchObject({ mimeType: 'image/png' });
  });
});

describe('corrections', () => {
  it('reverse an approved payment with a public note, putting the money and its sources back', async () => {
    const projectId = await newProject();
    const giftId = await give(projectId, 20_000);
    const worker = await staffUser(db, 'social_worker');
    const admin = await staffUser(db, 'admin');
    const req = await requestDisbursement(db, { userId: worker.id }, { projectId, needCode: '', amount: '150', payee: 'x', purpose: '误付的款项', category: 'goods' }, [
      { name: 'a.png', content: png },
    ]);
    await decideDisbursement(db, { userId: admin.id }, req.id, { decision: 'approve', reason: '同意' });
    expect(await fund(projectId)).toBe(5_000);
    expect((await traceDonation(db, giftId)).items.map((i) => i.amountFen)).toEqual([15_000]);

    await expect(reverseDisbursement(db, { userId: worker.id }, { id: req.id, note: '重复支付，已追回' })).rejects.toMatchObject({ code: 'forbidden' });
    await reverseDisbursement(db, { userId: admin.id }, { id: req.id, note: '重复支付，已追回' });
    await expect(reverseDisbursement(db, { userId: admin.id }, { id: req.id, note: '再来一次' })).rejects.toMatchObject({ code: 'conflict' });

    expect(await fund(projectId)).toBe(20_000);
    const trace = await traceDonation(db, giftId);
    expect(trace.items).toEqual([]);
    expect(trace.unspentFen).toBe(20_000);
    const codes = [accountCodes.projectFund(projectId), accountCodes.paymentsOut(projectId)];
    expect(await verifyBalances(db, codes)).toEqual([]);
    expect(await verifyInflows(db, [accountCodes.projectFund(projectId)])).toEqual([]);
    const [row] = await db.select().from(disbursements).where(eq(disbursements.id, req.id));
    expect(row).toMatchObject({ status: 'reversed', reversalNote: '重复支付，已追回' });
    // The payments list says who corrected it, when, and why.
    const listed = (await listDisbursements(db, { userId: admin.id })).find((d) => d.id === req.id);
    expect(listed).toMatchObject({ status: 'reversed', reversalNote: '重复支付，已追回', reversedByName: admin.name, reversedAt: expect.any(Date) });
  });

  it('refuse a public note that names the person the payment was for, and log the check’s read of their record', async () => {
    const projectId = await activeProjectId(db, 'yunshouhu');
    const admin = await staffUser(db, 'admin');
    const second = await staffUser(db, 'admin');
    await give(projectId, 10_000);
    const { needId, code } = await submitNeed(db, intake({ areaId: 'cicheng', name: '张秀英' }), { ip: randomIp() });
    for (const command of [{ action: 'start_screening' }, { action: 'verify_valid', note: '' }, { action: 'match', projectId, reason: '' }] as CaseCommand[]) {
      await actOnCase(db, { userId: admin.id }, needId, command);
    }
    const req = await requestDisbursement(db, { userId: admin.id }, { projectId, needCode: code, amount: '10', payee: '某药店', purpose: '药品', category: 'goods' }, [
      { name: 'r.png', content: png },
    ]);
    await decideDisbursement(db, { userId: second.id }, req.id, { decision: 'approve', reason: '同意' });
    await expect(reverseDisbursement(db, { userId: second.id }, { id: req.id, note: '误付给张秀英，已追回' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { note: 'names_someone' },
    });
    const [row] = await db.select().from(disbursements).where(eq(disbursements.id, req.id));
    expect(row).toMatchObject({ status: 'approved', reversalNote: null });
    const checks = await db.select().from(piiAccessLog).where(and(eq(piiAccessLog.needId, needId), eq(piiAccessLog.purpose, 'reversal_note_check')));
    expect(checks.map((c) => c.actorId)).toEqual([second.id]);
    await reverseDisbursement(db, { userId: second.id }, { id: req.id, note: '重复支付，已追回' });
    // A payment that can no longer be corrected is refused before anyone's record is read.
    await expect(reverseDisbursement(db, { userId: second.id }, { id: req.id, note: '再次更正' })).rejects.toMatchObject({ code: 'conflict' });
    const after = await db.select().from(piiAccessLog).where(and(eq(piiAccessLog.needId, needId), eq(piiAccessLog.purpose, 'reversal_note_check')));
    expect(after).toHaveLength(2);
  });
});

describe('allocations of general money', () => {
  it('move the money once however often the same form is sent, even at once', async () => {
    await give(null, 50_000);
    const projectId = await newProject();
    await db.update(projects).set({ status: 'active' }).where(eq(projects.id, projectId));
    const admin = await staffUser(db, 'admin');
    const form = { projectId, amount: '120.00', reason: '冬季助餐补充', intent: randomUUID() };
    const sent = await Promise.all([1, 2, 3].map(() => allocateToProject(db, { userId: admin.id }, form)));
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(await allocateToProject(db, { userId: admin.id }, form)).toBeNull();
    expect(await fund(projectId)).toBe(12_000);
    await allocateToProject(db, { userId: admin.id }, { ...form, intent: randomUUID() }); // a new form: a new allocation
    expect(await fund(projectId)).toBe(24_000);
  });

  it('publish their reason, so it may not hold a phone number', () => {
    const parsed = allocationSchema.safeParse({ projectId: randomUUID(), amount: '1', reason: '补助 13812345678', intent: randomUUID() });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['names_someone']);
  });
});

describe('the database itself', () => {
  it('refuses a second entry crediting the same gift, whatever the code above it does', async () => {
    const projectId = await newProject();
    const donationId = await give(projectId, 1000);
    const again = db.transaction((tx) => postDonation(tx, { id: donationId, projectId, amountFen: 1000, certificateNo: 'T-again', paidAt: new Date() }));
    await expect(again).rejects.toMatchObject({ cause: { code: '23505', constraint_name: 'journal_entries_one_per_gift' } });
    expect(await fund(projectId)).toBe(1000);
  });
});

describe('tamper evidence', () => {
  it('finds the first entry whose content was changed behind the ledger’s back', async () => {
    const projectId = await newProject();
    await give(projectId, 500);
    const [{ id }] = await db.execute<{ id: string }>(sql`select max(id) as id from journal_entries`);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`alter table journal_entries disable trigger journal_entries_append_only`);
        await tx.execute(sql`update journal_entries set memo = 'nothing to see here' where id = ${id}`);
        const report = await verifyChain(tx);
        expect(report.firstBrokenEntryId).toBe(Number(id));
        expect(report.problem).toBe('hash_mismatch');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await verifyChain(db)).firstBrokenEntryId).toBeNull();
  });
});

type Op =
  | { op: 'give'; restricted: boolean; fen: number }
  | { op: 'refund'; index: number; fen: number }
  | { op: 'allocate'; fen: number }
  | { op: 'spend'; fen: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('give' as const), restricted: fc.boolean(), fen: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ op: fc.constant('refund' as const), index: fc.nat(20), fen: fc.integer({ min: 1, max: 30_000 }) }),
  fc.record({ op: fc.constant('allocate' as const), fen: fc.integer({ min: 1, max: 40_000 }) }),
  fc.record({ op: fc.constant('spend' as const), fen: fc.integer({ min: 1, max: 60_000 }) }),
);

describe('the ledger under random sequences of money movements', () => {
  it('balances every entry, never lets a fund go negative, keeps balances equal to sums, and traces no more than was given', async () => {
    const admin = await staffUser(db, 'admin');
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const projectId = await newProject();
        const gifts: { id: string; projectId: string | null; fen: number }[] = [];
        for (const o of ops) {
          try {
            if (o.op === 'give') {
              const p = o.restricted ? projectId : null;
              gifts.push({ id: await give(p, o.fen), projectId: p, fen: o.fen });
            } else if (o.op === 'refund' && gifts.length) {
              const g = gifts[o.index % gifts.length];
              await db.transaction((tx) => postOutOfGift(tx, 'refund', { id: g.id, projectId: g.projectId, certificateNo: null }, Math.min(o.fen, g.fen)));
            } else if (o.op === 'allocate') {
              await db.transaction((tx) => postAllocation(tx, { projectId, amountFen: o.fen, reason: '测试拨付', postedById: admin.id }));
            } else if (o.op === 'spend') {
              const [d] = await db
                .insert(disbursements)
                .values({ projectId, amountFen: o.fen, payee: 'x', purpose: '测试支出', category: 'goods', requestedById: admin.id })
                .returning();
              await db.transaction((tx) => postDisbursement(tx, { disbursementId: d.id, projectId, amountFen: o.fen, purpose: '测试支出', postedById: admin.id }));
            }
          } catch (e) {
            // Spending or refunding more than a fund holds must be refused, and refused only for that reason.
            expect(e).toMatchObject({ code: 'insufficient_funds' });
          }
        }
        expect(await fund(projectId)).toBeGreaterThanOrEqual(0);
        const codes = [accountCodes.projectFund(projectId), accountCodes.paymentsOut(projectId), accountCodes.generalFund];
        expect(await verifyBalances(db, codes)).toEqual([]);
        expect(await verifyInflows(db, [accountCodes.projectFund(projectId)])).toEqual([]);
        for (const g of gifts.filter((x) => x.projectId)) {
          const trace = await traceDonation(db, g.id);
          const accounted = trace.items.reduce((s, i) => s + i.amountFen, 0) + trace.unspentFen;
          expect(accounted).toBe(g.fen);
        }
        for (const g of gifts.filter((x) => !x.projectId)) {
          const trace = await traceDonation(db, g.id);
          expect(trace.items.reduce((s, i) => s + i.amountFen, 0) + trace.unspentFen).toBeLessThanOrEqual(g.fen);
        }
        // A donor's page traces all their gifts at once: the same traces as one by one.
        const together = await traceDonations(db, gifts.map((g) => g.id));
        for (const g of gifts) expect(together.get(g.id)).toEqual(await traceDonation(db, g.id));
      }),
      { numRuns: 15 },
    );
    expect((await verifyChain(db)).firstBrokenEntryId).toBeNull();
  }, 120_000);
});
